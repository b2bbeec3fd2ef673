"""The Team tab: tasks a small team shares (mine, by owner, a board, overdue) and the activity feed."""
