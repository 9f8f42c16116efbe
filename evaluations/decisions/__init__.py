"""Award decisions (quyết định khen thưởng): who decides, and the decisions that make awards."""
