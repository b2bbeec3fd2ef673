"""The Orders tab: all orders, the FBM ship queue, buyer messages, returns and buyers."""
