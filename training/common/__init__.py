"""Shared parts of the photo classifiers' training: MobileNet backbone, preprocessing, data, cache, fine-tuning, export, metrics."""
