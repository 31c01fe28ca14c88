app_name = "plan"

# The matrix, reordering, the timeline and the private calendar feed.
urlpatterns: list = []
