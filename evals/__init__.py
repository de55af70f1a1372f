"""Evaluation suite for Coordi's answers: deterministic checks and labelled known answers."""
