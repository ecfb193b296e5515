"""German language analysis shared by every kind: segmentation, morphology, word lists, attribution, readability."""
