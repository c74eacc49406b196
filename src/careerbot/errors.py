"""The exceptions careerbot raises; only the CLI and the HTTP layer turn them into exit codes and status codes."""


class CareerbotError(Exception):
    """Base class: the message says what went wrong and what to do about it."""


class CorpusEmpty(CareerbotError):
    """The corpus folder holds no document that could be read."""


class IndexMissing(CareerbotError):
    """No index has been built yet."""


class IndexMismatch(CareerbotError):
    """The index on disk was built differently from what the settings ask for (model, dimension, format)."""


class IndexCorrupt(CareerbotError):
    """The index on disk cannot be read."""


class BuildFailed(CareerbotError):
    """A build did not publish a new index version; the current one is untouched."""


class InvalidQuestion(CareerbotError):
    """The question or its history cannot be answered as sent."""


class ModelUnavailable(CareerbotError):
    """The embedding model cannot be loaded from the configured path."""


class ReindexDisabled(CareerbotError):
    """Reindexing over HTTP is off: no admin token is configured."""


class NotAuthorised(CareerbotError):
    """The request needs a valid token it did not send."""


class UnknownModel(CareerbotError):
    """An OpenAI-style request named a model careerbot does not serve."""
