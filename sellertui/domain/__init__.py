"""The rules of the trade: pure functions over store records (pandas allowed, Textual never)."""
