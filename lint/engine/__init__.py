"""Running rules over documents: the engine, inputs, suppression, baselines, file I/O."""
