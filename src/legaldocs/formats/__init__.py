"""Document formats: each one a subpackage that knows the model and nothing of the others."""
