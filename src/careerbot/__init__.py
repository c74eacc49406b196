"""careerbot: grounded career advice with cited answers, composed from a corpus without a generative model.

Importing the package is cheap: torch and faiss load only when an index is built or searched.
"""

__version__ = "0.1.0"
