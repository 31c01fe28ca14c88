from tests.goals.conftest import noon

__all__ = ["noon"]
