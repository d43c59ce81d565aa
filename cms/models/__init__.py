"""The editorial model: catalog pages and the snippets they link to."""

from cms.levels import Level
from cms.models.pages import (
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    LessonPage,
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
