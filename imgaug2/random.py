"""Random number generation for imgaug2: the one place where random streams are derived.

Two sources of randomness exist:

* **Classic mode** (imgaug 0.4.0 semantics). Every augmenter owns an :class:`RNG`. Unless a seed is
  given, it is derived from the global RNG when the augmenter is created, so ``ia.seed(n)`` before
  building a pipeline makes it reproducible. The augmenter's RNG advances with every call;
  ``to_deterministic()`` freezes it so that every call replays the same draws.
* **Keyed mode** (imgaug2). Draws are a pure function of ``(seed, epoch, repeat, row key)`` and of
  the augmenter's position in the pipeline tree, so a row gets the same augmentation whatever batch,
  process or machine it lands in. See :func:`row_seed` and :func:`keyed_rng`.

Derivation rules (the contract; golden tests pin them):

* ``row_seed(seed, key, epoch, repeat)`` = first 16 bytes (little-endian int) of
  ``blake2b(b"imgaug2-row-v1\\0" + canonical(seed, epoch, repeat, key))``.
* ``keyed_rng(row_seed, path)`` = Philox (counter 0) keyed with 16 bytes of
  ``blake2b(b"imgaug2-aug-v1\\0" + row_seed + path)``, where ``path`` is the augmenter's position
  in the tree as a tuple of ints ((list index, child index) per level).
* classic child streams: ``derive_rng_()`` draws a seed from the parent with ``integers`` in
  ``[SEED_MIN_VALUE, SEED_MAX_VALUE]`` and seeds a new PCG64 generator with it.
"""

from __future__ import annotations

import copy as copylib
import hashlib
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

SEED_MIN_VALUE = 0
SEED_MAX_VALUE = 2**31 - 1
ROW_SEED_VERSION = "imgaug2-row-v1"

_BIT_GENERATOR = np.random.PCG64

#: The global RNG; created lazily on first use.
GLOBAL_RNG: RNG | None = None


def supports_new_numpy_rng_style() -> bool:
    """Return True: imgaug2 always uses numpy's Generator API."""
    return True


def get_global_rng() -> RNG:
    """Return the global RNG, creating it (seeded with entropy from the OS) if needed."""
    global GLOBAL_RNG
    if GLOBAL_RNG is None:
        GLOBAL_RNG = RNG(np.random.SeedSequence().entropy % (SEED_MAX_VALUE + 1))
    return GLOBAL_RNG


def seed(entropy: int) -> None:
    """Seed the global RNG (``ia.seed``). Augmenters created afterwards derive from it."""
    _check_seed_value(entropy, "entropy")
    get_global_rng().set_state_(_generator_from_seed(entropy).bit_generator.state)


def _check_seed_value(value: Any, name: str) -> None:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")


def _generator_from_seed(entropy: int | Sequence[int]) -> np.random.Generator:
    return np.random.Generator(_BIT_GENERATOR(np.random.SeedSequence(entropy)))


class RNG:
    """Wrapper around a ``numpy.random.Generator`` with imgaug's RNG interface.

    ``RNG(x)`` accepts None (derive from the global RNG), an int seed, another RNG (share its
    generator), a ``numpy.random.Generator``, a ``BitGenerator``, a ``SeedSequence`` or a legacy
    ``numpy.random.RandomState`` (converted by drawing a seed from it).
    """

    def __init__(self, generator: Any = None) -> None:
        if isinstance(generator, RNG):
            self.generator = generator.generator
        else:
            self.generator = normalize_generator_(generator)
        self._is_global = False

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def create_fully_random(cls) -> RNG:
        """Create an RNG seeded from OS entropy."""
        return RNG(np.random.Generator(_BIT_GENERATOR(np.random.SeedSequence())))

    @classmethod
    def create_pseudo_random_(cls) -> RNG:
        """Create an RNG derived from (and advancing) the global RNG."""
        return get_global_rng().derive_rng_()

    @classmethod
    def create_if_not_rng_(cls, generator: Any) -> RNG:
        """Return ``generator`` if it is an RNG, else wrap it (None -> the global RNG)."""
        if isinstance(generator, RNG):
            return generator
        if generator is None:
            return get_global_rng()
        return RNG(generator)

    # ---- state --------------------------------------------------------------------------
    @property
    def state(self) -> dict:
        return get_generator_state(self.generator)

    @state.setter
    def state(self, value: dict) -> None:
        self.set_state_(value)

    def set_state_(self, value: dict) -> RNG:
        set_generator_state_(self.generator, value)
        return self

    def use_state_of_(self, other: RNG) -> RNG:
        return self.set_state_(other.state)

    def is_global_rng(self) -> bool:
        return GLOBAL_RNG is not None and self.generator is GLOBAL_RNG.generator

    def equals_global_rng(self) -> bool:
        return get_global_rng().equals(self)

    def equals(self, other: RNG) -> bool:
        if not isinstance(other, RNG):
            raise TypeError(f"other must be an RNG, got {type(other).__name__}")
        return is_generator_equal_to(self.generator, other.generator)

    def generate_seed_(self) -> int:
        return int(self.generate_seeds_(1)[0])

    def generate_seeds_(self, n: int) -> np.ndarray:
        return self.generator.integers(SEED_MIN_VALUE, SEED_MAX_VALUE, size=(n,), endpoint=True)

    def reset_cache_(self) -> RNG:
        """No-op kept for imgaug compatibility (PCG64 keeps no cached Gaussian)."""
        return self

    def derive_rng_(self) -> RNG:
        return self.derive_rngs_(1)[0]

    def derive_rngs_(self, n: int) -> list[RNG]:
        return [RNG(g) for g in derive_generators_(self.generator, n)]

    def advance_(self) -> RNG:
        advance_generator_(self.generator)
        return self

    def copy(self) -> RNG:
        return RNG(copy_generator(self.generator))

    def copy_unless_global_rng(self) -> RNG:
        return self if self.is_global_rng() else self.copy()

    def duplicate(self, n: int) -> list[RNG]:
        return [self for _ in range(n)]

    # ---- distributions (thin wrappers over numpy.random.Generator) -----------------------
    def integers(self, low, high=None, size=None, dtype="int32", endpoint=False):
        return self.generator.integers(low, high=high, size=size, dtype=dtype, endpoint=endpoint)

    def random(self, size=None, dtype="float32", out=None):
        return self.generator.random(size=size, dtype=dtype, out=out)

    def beta(self, a, b, size=None):
        return self.generator.beta(a, b, size=size)

    def binomial(self, n, p, size=None):
        return self.generator.binomial(n, p, size=size)

    def chisquare(self, df, size=None):
        return self.generator.chisquare(df, size=size)

    def choice(self, a, size=None, replace=True, p=None):
        return self.generator.choice(a, size=size, replace=replace, p=p)

    def dirichlet(self, alpha, size=None):
        return self.generator.dirichlet(alpha, size=size)

    def exponential(self, scale=1.0, size=None):
        return self.generator.exponential(scale, size=size)

    def f(self, dfnum, dfden, size=None):
        return self.generator.f(dfnum, dfden, size=size)

    def gamma(self, shape, scale=1.0, size=None):
        return self.generator.gamma(shape, scale=scale, size=size)

    def geometric(self, p, size=None):
        return self.generator.geometric(p, size=size)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        return self.generator.gumbel(loc, scale, size=size)

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        return self.generator.hypergeometric(ngood, nbad, nsample, size=size)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        return self.generator.laplace(loc, scale, size=size)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        return self.generator.logistic(loc, scale, size=size)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        return self.generator.lognormal(mean, sigma, size=size)

    def logseries(self, p, size=None):
        return self.generator.logseries(p, size=size)

    def multinomial(self, n, pvals, size=None):
        return self.generator.multinomial(n, pvals, size=size)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        return self.generator.multivariate_normal(mean, cov, size=size,
                                                  check_valid=check_valid, tol=tol)

    def negative_binomial(self, n, p, size=None):
        return self.generator.negative_binomial(n, p, size=size)

    def noncentral_chisquare(self, df, nonc, size=None):
        return self.generator.noncentral_chisquare(df, nonc, size=size)

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        return self.generator.noncentral_f(dfnum, dfden, nonc, size=size)

    def normal(self, loc=0.0, scale=1.0, size=None):
        return self.generator.normal(loc, scale, size=size)

    def pareto(self, a, size=None):
        return self.generator.pareto(a, size=size)

    def permutation(self, x):
        return self.generator.permutation(x)

    def poisson(self, lam=1.0, size=None):
        return self.generator.poisson(lam, size=size)

    def power(self, a, size=None):
        return self.generator.power(a, size=size)

    def rayleigh(self, scale=1.0, size=None):
        return self.generator.rayleigh(scale, size=size)

    def shuffle(self, x):
        self.generator.shuffle(x)

    def standard_cauchy(self, size=None):
        return self.generator.standard_cauchy(size=size)

    def standard_exponential(self, size=None, dtype="float32", method="zig", out=None):
        return self.generator.standard_exponential(size=size, dtype=dtype, method=method, out=out)

    def standard_gamma(self, shape, size=None, dtype="float32", out=None):
        return self.generator.standard_gamma(shape, size=size, dtype=dtype, out=out)

    def standard_normal(self, size=None, dtype="float32", out=None):
        return self.generator.standard_normal(size=size, dtype=dtype, out=out)

    def standard_t(self, df, size=None):
        return self.generator.standard_t(df, size=size)

    def triangular(self, left, mode, right, size=None):
        return self.generator.triangular(left, mode, right, size=size)

    def uniform(self, low=0.0, high=1.0, size=None):
        return self.generator.uniform(low, high, size=size)

    def vonmises(self, mu, kappa, size=None):
        return self.generator.vonmises(mu, kappa, size=size)

    def wald(self, mean, scale, size=None):
        return self.generator.wald(mean, scale, size=size)

    def weibull(self, a, size=None):
        return self.generator.weibull(a, size=size)

    def zipf(self, a, size=None):
        return self.generator.zipf(a, size=size)

    # legacy RandomState names used by old imgaug code
    def rand(self, *args):
        return self.random(args if args else None, dtype="float64")

    def randint(self, low, high=None, size=None, dtype="int32"):
        return self.integers(low, high=high, size=size, dtype=dtype)

    def randn(self, *args):
        return self.standard_normal(args if args else None, dtype="float64")

    def random_integers(self, low, high=None, size=None):
        if high is None:
            low, high = 1, low
        return self.integers(low, high, size=size, endpoint=True)

    def random_sample(self, size=None):
        return self.random(size=size, dtype="float64")

    def tomaxint(self, size=None):
        return self.integers(0, np.iinfo(np.int64).max, size=size, dtype="int64")

    def __repr__(self) -> str:
        return f"RNG({type(self.generator.bit_generator).__name__})"

    def __deepcopy__(self, memo: dict) -> RNG:
        return self.copy()


# ---- generator functions -------------------------------------------------------------------
def normalize_generator(generator: Any) -> np.random.Generator:
    """Return a Generator for ``generator`` without advancing any global state where possible."""
    return normalize_generator_(generator)


def normalize_generator_(generator: Any) -> np.random.Generator:
    """Convert None, int, SeedSequence, BitGenerator, RandomState or Generator to a Generator."""
    if generator is None:
        return get_global_rng().derive_rng_().generator
    if isinstance(generator, RNG):
        return generator.generator
    if isinstance(generator, np.random.Generator):
        return generator
    if isinstance(generator, np.random.BitGenerator):
        return np.random.Generator(generator)
    if isinstance(generator, np.random.SeedSequence):
        return np.random.Generator(_BIT_GENERATOR(generator))
    if isinstance(generator, np.random.RandomState):
        return convert_seed_to_generator(int(generator.randint(SEED_MIN_VALUE, SEED_MAX_VALUE)))
    if isinstance(generator, (bool, np.bool_)):
        raise TypeError("a random state/seed must not be a bool")
    if isinstance(generator, (int, np.integer)):
        return convert_seed_to_generator(int(generator))
    raise TypeError(
        "seed/random_state must be None, an int, an imgaug2.random.RNG, a numpy Generator, "
        f"BitGenerator, SeedSequence or RandomState; got {type(generator).__name__}"
    )


def convert_seed_to_generator(entropy: int) -> np.random.Generator:
    """Create a new PCG64 generator from an int seed."""
    _check_seed_value(entropy, "seed")
    return _generator_from_seed(int(entropy))


def convert_seed_sequence_to_generator(seed_seq: np.random.SeedSequence) -> np.random.Generator:
    return np.random.Generator(_BIT_GENERATOR(seed_seq))


def create_pseudo_random_generator_() -> np.random.Generator:
    return get_global_rng().derive_rng_().generator


def create_fully_random_generator() -> np.random.Generator:
    return RNG.create_fully_random().generator


def derive_generator_(generator: np.random.Generator) -> np.random.Generator:
    return derive_generators_(generator, 1)[0]


def derive_generators_(generator: np.random.Generator, n: int) -> list[np.random.Generator]:
    """Derive ``n`` child generators by drawing ``n`` seeds from ``generator`` (advances it)."""
    seeds = generator.integers(SEED_MIN_VALUE, SEED_MAX_VALUE, size=(n,), endpoint=True)
    return [convert_seed_to_generator(int(s)) for s in seeds]


def get_generator_state(generator: np.random.Generator) -> dict:
    return generator.bit_generator.state


def set_generator_state_(generator: np.random.Generator, state: dict) -> None:
    generator.bit_generator.state = state


def is_generator_equal_to(generator: np.random.Generator, other: np.random.Generator) -> bool:
    return _states_equal(get_generator_state(generator), get_generator_state(other))


def _states_equal(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_states_equal(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return bool(np.array_equal(a, b))
    return a == b


def advance_generator_(generator: np.random.Generator) -> None:
    generator.random()


def copy_generator(generator: np.random.Generator) -> np.random.Generator:
    bit_gen = type(generator.bit_generator)()
    bit_gen.state = copylib.deepcopy(generator.bit_generator.state)
    return np.random.Generator(bit_gen)


def copy_generator_unless_global_generator(generator: np.random.Generator) -> np.random.Generator:
    if GLOBAL_RNG is not None and generator is GLOBAL_RNG.generator:
        return generator
    return copy_generator(generator)


def reset_generator_cache_(generator: np.random.Generator) -> np.random.Generator:
    return generator


def polyfill_integers(generator, low, high=None, size=None, dtype="int32", endpoint=False):
    return generator.integers(low, high=high, size=size, dtype=dtype, endpoint=endpoint)


def polyfill_random(generator, size, dtype="float32", out=None):
    return generator.random(size=size, dtype=dtype, out=out)


@contextmanager
def temporary_numpy_seed(entropy: int | None = None) -> Iterator[None]:
    """Temporarily seed numpy's legacy global RNG, restoring its state afterwards."""
    state = np.random.get_state()
    if entropy is not None:
        np.random.seed(entropy)
    try:
        yield
    finally:
        np.random.set_state(state)


# ---- keyed mode -------------------------------------------------------------------------------
def _canonical(value: Any) -> bytes:
    """Type-tagged, unambiguous byte encoding of a row key component."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("row keys must not be bools")
    if isinstance(value, (int, np.integer)):
        return b"i" + str(int(value)).encode() + b";"
    if isinstance(value, str):
        data = value.encode("utf-8")
        return b"s" + str(len(data)).encode() + b":" + data
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        return b"b" + str(len(data)).encode() + b":" + data
    raise TypeError(f"a row key must be an int, str or bytes; got {type(value).__name__}")


def row_seed(seed: int, key: int | str | bytes, epoch: int = 0, repeat: int = 0) -> int:
    """Return the 128-bit seed of one row: a pure function of (seed, epoch, repeat, key).

    The key is a stable row id or the image path; never a batch, block or task index.
    """
    _check_seed_value(seed, "seed")
    _check_seed_value(epoch, "epoch")
    _check_seed_value(repeat, "repeat")
    payload = ROW_SEED_VERSION.encode() + b"\0" + b"".join(
        _canonical(v) for v in (int(seed), int(epoch), int(repeat), key)
    )
    return int.from_bytes(hashlib.blake2b(payload, digest_size=16).digest(), "little")


_KEYED_BIT_GENERATORS = threading.local()
_U64 = np.uint64
_ZEROS4 = np.zeros(4, dtype=_U64)  # copied by the Philox state setter, never written


def keyed_rng(seed_of_row: int, path: Sequence[int]) -> RNG:
    """Return the RNG of the augmenter at ``path`` (a tuple of ints) for one row.

    Rule: Philox (counter 0) keyed with the first 16 bytes of
    ``blake2b(b"imgaug2-aug-v1\0" + row_seed (16 bytes LE) + each path entry (4 bytes LE))``.

    For speed the Philox bit generator is reused per tree depth (setting a key costs ~7 us,
    creating a generator ~30 us): a keyed RNG is valid only during the augmenter call it is
    handed to, which is how augmenters use their ``random_state`` argument. ``RNG.copy()``
    returns an independent generator.
    """
    digest = hashlib.blake2b(
        b"imgaug2-aug-v1\0" + int(seed_of_row).to_bytes(16, "little")
        + b"".join(int(p).to_bytes(4, "little") for p in path),
        digest_size=16,
    ).digest()
    key = np.frombuffer(digest, dtype="<u8").astype(_U64)
    pool = getattr(_KEYED_BIT_GENERATORS, "by_depth", None)
    if pool is None:
        pool = _KEYED_BIT_GENERATORS.by_depth = {}
    entry = pool.get(len(path))
    if entry is None:
        bit_generator = np.random.Philox(key=0)
        entry = pool[len(path)] = (bit_generator, np.random.Generator(bit_generator))
    bit_generator, generator = entry
    # numpy's Generator keeps no state of its own, so re-keying its bit generator in place
    # gives exactly what a new Generator(Philox(key=key)) would.
    bit_generator.state = {
        "bit_generator": "Philox",
        "state": {"counter": _ZEROS4, "key": key},
        "buffer": _ZEROS4,
        "buffer_pos": 4,
        "has_uint32": 0,
        "uinteger": 0,
    }
    return RNG(generator)
