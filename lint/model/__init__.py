"""The data every part shares: documents, diagnostics, rules, configuration, errors."""
