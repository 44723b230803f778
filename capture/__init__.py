"""The capture service (the next issue): receives, screens and stores the article forms."""
