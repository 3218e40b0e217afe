"""Commands of the ``feedback-analyzer`` CLI that live in modules of their own."""
