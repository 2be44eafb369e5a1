"""TEX4IM proposals service: calls, proposals, evaluation and the investment pipeline."""
