"""All augmenters, reachable as ``iaa.<Name>`` (``import imgaug2.augmenters as iaa``).

The families live in their own modules (``iaa.meta``, ``iaa.flip``, ``iaa.geometric``, ...),
as in imgaug 0.4.0.
"""

from imgaug2.augmenters import meta  # noqa: F401
from imgaug2.augmenters.meta import *  # noqa: F403
