"""The ballot key: additively homomorphic Paillier encryption (python-paillier, `phe`).

When a ballot opens, a keypair is generated; only the public modulus n is stored. The
private key is handed to the secretariat once, as the prime p (n is public, so p is the
whole secret), written in base32 groups. A vote is encrypted by the server as one
ciphertext per candidate (Enc(1) ticked, Enc(0) not); at closing the ciphertexts are
multiplied per candidate (which adds the plaintexts) and only the sums are decrypted.
No cryptography is written here: key generation, encryption and decryption are phe's.
"""

import base64
import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.views.decorators.debug import sensitive_variables
from phe import paillier

DEFAULT_KEY_BITS = 2048
GROUP = 5  # characters per group of the printed code
GROUPS_PER_LINE = 8
_B32 = re.compile(r"[^A-Z2-7]")


class WrongKey(ValueError):
    """The code given does not open this ballot's public key."""


@dataclass(frozen=True)
class IssuedKey:
    """The private key as handed out once: never stored, logged or audited."""

    public_n: int
    code: str  # base32 of p, in groups

    @property
    def lines(self) -> list[str]:
        groups = self.code.split()
        return [
            " ".join(groups[i : i + GROUPS_PER_LINE])
            for i in range(0, len(groups), GROUPS_PER_LINE)
        ]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_n)


def fingerprint(n: int) -> str:
    """A short public reminder of which key belongs to which ballot (from n, public)."""
    digest = hashlib.sha256(str(n).encode()).hexdigest().upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def key_bits() -> int:
    return int(getattr(settings, "BALLOT_KEY_BITS", DEFAULT_KEY_BITS))


@sensitive_variables("private")
def generate() -> IssuedKey:
    public, private = paillier.generate_paillier_keypair(n_length=key_bits())
    return IssuedKey(public_n=public.n, code=encode_prime(private.p))


@sensitive_variables("p", "raw", "text")
def encode_prime(p: int) -> str:
    raw = p.to_bytes((p.bit_length() + 7) // 8, "big")
    text = base64.b32encode(raw).decode().rstrip("=")
    return " ".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


@sensitive_variables("text", "body", "letters", "raw")
def decode_prime(text: str) -> int:
    """The prime from a pasted code or an uploaded key file (lines starting with # are
    comments); raises WrongKey when nothing readable is there."""
    body = "".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    letters = _B32.sub("", body.upper())
    if not letters:
        raise WrongKey("empty")
    try:
        raw = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError as exc:
        raise WrongKey("unreadable") from exc
    return int.from_bytes(raw, "big")


@sensitive_variables("text", "p")
def private_key(public_n: int, text: str) -> paillier.PaillierPrivateKey:
    """The private key rebuilt from the code, checked against the public modulus."""
    p = decode_prime(text)
    if not (1 < p < public_n) or public_n % p:
        raise WrongKey("mismatch")
    public = paillier.PaillierPublicKey(public_n)
    try:
        return paillier.PaillierPrivateKey(public, p, public_n // p)
    except ValueError as exc:
        raise WrongKey("mismatch") from exc


def encrypt_vector(public_n: int, bits: list[int]) -> list[str]:
    """One fresh randomised ciphertext per candidate, as hexadecimal text of the width of
    n² (zero-padded: every envelope of a ballot has the same size whatever it holds)."""
    public = paillier.PaillierPublicKey(public_n)
    width = len(format(public.nsquare, "x"))
    return [format(public.raw_encrypt(bit), f"0{width}x") for bit in bits]


def sum_vectors(
    public_n: int, vectors: list[list[str]], size: int
) -> list[paillier.EncryptedNumber]:
    """The homomorphic sums, one per candidate (nothing decrypted here)."""
    public = paillier.PaillierPublicKey(public_n)
    sums = [public.encrypt(0) for _ in range(size)]
    for vector in vectors:
        if len(vector) != size:
            raise WrongKey("vector")
        for index, text in enumerate(vector):
            sums[index] = sums[index] + paillier.EncryptedNumber(public, int(text, 16), 0)
    return sums


@sensitive_variables("private")
def decrypt_sums(private: paillier.PaillierPrivateKey, sums) -> list[int]:
    return [private.decrypt(total) for total in sums]
