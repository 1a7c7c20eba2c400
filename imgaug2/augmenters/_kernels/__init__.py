"""Pure kernels of the augmenter families: numpy in, numpy out, no randomness."""
