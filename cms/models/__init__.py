"""The editorial model: catalog pages and the snippets they link to."""

from cms.models.pages import (
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    LessonPage,
    Level,
)
from cms.models.snippets import Category, Instructor

__all__ = [
    "Category",
    "CourseIndexPage",
    "CourseInstructor",
    "CoursePage",
    "Instructor",
    "LessonPage",
    "Level",
]
