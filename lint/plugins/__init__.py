"""The pluggy hook specifications and the plugin registry."""
