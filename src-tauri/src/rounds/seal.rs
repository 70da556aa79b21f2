//! Ballots sealed to the round's public key, and their commitments.
//!
//! A ballot's estimates are sealed with libsodium's sealed box (X25519 + XSalsa20-Poly1305, RustCrypto's
//! `crypto_box`): anyone can seal to the round's public key, only the holder of its private key (the facilitator's
//! Pickboard) can open. Beside the sealed estimates travels a commitment, SHA-256 over a canonical encoding of
//! (round id, voter's user id, estimates, a random 32-byte nonce). When the round closes, every ballot's estimates
//! and nonce are published, and anyone can recompute the commitment: what was counted is what was sealed.

use std::collections::BTreeMap;

use crypto_box::aead::rand_core::RngCore;
use crypto_box::aead::OsRng;
use crypto_box::{PublicKey, SecretKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::domain::Score;
use crate::error::{Error, Result};

/// One voter's estimate of one idea.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Estimate {
    /// Where the voter would place the idea: payoff and cost/risk, 0–10 with one decimal.
    Placed { payoff: Score, cost: Score },
    /// The voter has no opinion on this idea (it is not counted).
    NoOpinion,
}

/// A voter's estimates, by idea key.
pub type Estimates = BTreeMap<String, Estimate>;

/// What is sealed: the estimates and the commitment's nonce (hex).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Opened {
    pub estimates: Estimates,
    pub nonce: String,
}

/// A fresh key pair for a round: the private key's 32 bytes, and the public key's.
pub fn new_key_pair() -> ([u8; 32], [u8; 32]) {
    let secret = SecretKey::generate(&mut OsRng);
    (secret.to_bytes(), secret.public_key().to_bytes())
}

/// `n` random bytes as hex (round ids, nonces).
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    OsRng.fill_bytes(&mut bytes);
    to_hex(&bytes)
}

pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| char::from(c).to_digit(16).map(|d| d as u8);
    text.as_bytes()
        .chunks(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

/// A 32-byte key from its hex form.
pub fn key_from_hex(text: &str) -> Option<[u8; 32]> {
    from_hex(text)?.try_into().ok()
}

/// The canonical encoding the commitment hashes: a label, then each field as its length (4 bytes, big-endian) and
/// its bytes; the estimates in key order, each as its key and either `n` (no opinion) or `p` and the two scores in
/// tenths (one byte each).
fn canonical(round_id: &str, voter: &str, estimates: &Estimates, nonce: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + estimates.len() * 16);
    let mut field = |bytes: &[u8]| {
        out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
        out.extend_from_slice(bytes);
    };
    field(b"pickboard-ballot-v1");
    field(round_id.as_bytes());
    field(voter.as_bytes());
    field(&(estimates.len() as u32).to_be_bytes());
    for (key, estimate) in estimates {
        field(key.as_bytes());
        match estimate {
            Estimate::NoOpinion => field(b"n"),
            Estimate::Placed { payoff, cost } => field(&[b'p', payoff.tenths() as u8, cost.tenths() as u8]),
        }
    }
    field(nonce);
    out
}

/// The commitment to a ballot, as hex.
pub fn commitment(round_id: &str, voter: &str, estimates: &Estimates, nonce_hex: &str) -> Result<String> {
    let nonce = from_hex(nonce_hex)
        .filter(|n| n.len() == 32)
        .ok_or_else(|| Error::invalid("A ballot's nonce must be 32 bytes, written as 64 hex digits."))?;
    Ok(to_hex(&Sha256::digest(canonical(
        round_id, voter, estimates, &nonce,
    ))))
}

/// A sealed ballot: the sealed box (hex) and the commitment (hex), made with a fresh nonce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub sealed: String,
    pub commitment: String,
}

/// Seals `estimates` of `voter` for the round (`public_key`), with a fresh random nonce.
pub fn seal(round_id: &str, voter: &str, public_key: &[u8; 32], estimates: &Estimates) -> Result<Sealed> {
    let nonce = random_hex(32);
    let commitment = commitment(round_id, voter, estimates, &nonce)?;
    let plain = serde_json::to_vec(&Opened {
        estimates: estimates.clone(),
        nonce,
    })
    .map_err(|e| Error::Storage(e.to_string()))?;
    let sealed = PublicKey::from_bytes(*public_key)
        .seal(&mut OsRng, &plain)
        .map_err(|_| Error::invalid("The ballot could not be sealed."))?;
    Ok(Sealed {
        sealed: to_hex(&sealed),
        commitment,
    })
}

/// Why a ballot was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OpenFailure {
    /// It does not open with the round's private key (damaged, or sealed to another key).
    CannotOpen,
    /// It opens, but what it holds is not a ballot.
    Unreadable,
    /// It opens, but its estimates and nonce do not give the commitment posted with it.
    CommitmentMismatch,
}

/// Opens a sealed ballot with the round's private key and checks it against its commitment.
pub fn open(
    round_id: &str,
    voter: &str,
    private_key: &[u8; 32],
    sealed_hex: &str,
    commitment_hex: &str,
) -> std::result::Result<Opened, OpenFailure> {
    let sealed = from_hex(sealed_hex).ok_or(OpenFailure::CannotOpen)?;
    let plain = SecretKey::from_bytes(*private_key)
        .unseal(&sealed)
        .map_err(|_| OpenFailure::CannotOpen)?;
    let opened: Opened = serde_json::from_slice(&plain).map_err(|_| OpenFailure::Unreadable)?;
    match commitment(round_id, voter, &opened.estimates, &opened.nonce) {
        Ok(c) if c == commitment_hex => Ok(opened),
        Ok(_) => Err(OpenFailure::CommitmentMismatch),
        Err(_) => Err(OpenFailure::Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn score(t: i64) -> Score {
        Score::from_tenths(t).unwrap()
    }

    fn estimates_strategy() -> impl Strategy<Value = Estimates> {
        prop::collection::btree_map(
            "[a-z0-9]{1,6}",
            prop_oneof![
                Just(Estimate::NoOpinion),
                (0i64..=100, 0i64..=100).prop_map(|(p, c)| Estimate::Placed {
                    payoff: score(p),
                    cost: score(c)
                }),
            ],
            0..12,
        )
    }

    #[test]
    fn hex_round_trips_and_refuses_what_is_not_hex() {
        assert_eq!(to_hex(&[0, 15, 255]), "000fff");
        assert_eq!(from_hex("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(from_hex("0g"), None);
        assert_eq!(from_hex("abc"), None);
    }

    #[test]
    fn a_ballot_opens_only_with_its_rounds_key_and_a_tampered_one_is_caught() {
        let (private, public) = new_key_pair();
        let mut estimates = Estimates::new();
        estimates.insert(
            "1".into(),
            Estimate::Placed {
                payoff: score(75),
                cost: score(30),
            },
        );
        estimates.insert("2".into(), Estimate::NoOpinion);
        let sealed = seal("r1", "ana", &public, &estimates).unwrap();
        let opened = open("r1", "ana", &private, &sealed.sealed, &sealed.commitment).unwrap();
        assert_eq!(opened.estimates, estimates);

        let (other, _) = new_key_pair();
        assert_eq!(
            open("r1", "ana", &other, &sealed.sealed, &sealed.commitment),
            Err(OpenFailure::CannotOpen)
        );
        // Another voter or round claiming the ballot: the commitment does not match.
        assert_eq!(
            open("r1", "bob", &private, &sealed.sealed, &sealed.commitment),
            Err(OpenFailure::CommitmentMismatch)
        );
        assert_eq!(
            open("r2", "ana", &private, &sealed.sealed, &sealed.commitment),
            Err(OpenFailure::CommitmentMismatch)
        );
        // A flipped bit in the box fails authentication.
        let mut bytes = from_hex(&sealed.sealed).unwrap();
        bytes[40] ^= 1;
        assert_eq!(
            open("r1", "ana", &private, &to_hex(&bytes), &sealed.commitment),
            Err(OpenFailure::CannotOpen)
        );
        // A sealed box of something that is not a ballot.
        let junk = to_hex(&PublicKey::from_bytes(public).seal(&mut OsRng, b"hello").unwrap());
        assert_eq!(
            open("r1", "ana", &private, &junk, &sealed.commitment),
            Err(OpenFailure::Unreadable)
        );
        assert!(commitment("r1", "ana", &estimates, "00").is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn sealing_then_opening_gives_the_estimates_back(estimates in estimates_strategy(), voter in "[a-z]{1,8}") {
            let (private, public) = new_key_pair();
            let sealed = seal("round", &voter, &public, &estimates).unwrap();
            let opened = open("round", &voter, &private, &sealed.sealed, &sealed.commitment).unwrap();
            prop_assert_eq!(&opened.estimates, &estimates);
            prop_assert_eq!(commitment("round", &voter, &estimates, &opened.nonce).unwrap(), sealed.commitment);
        }

        #[test]
        fn any_change_to_the_estimates_changes_the_commitment(
            estimates in estimates_strategy(),
            other in estimates_strategy(),
        ) {
            prop_assume!(estimates != other);
            let nonce = random_hex(32);
            prop_assert_ne!(
                commitment("r", "v", &estimates, &nonce).unwrap(),
                commitment("r", "v", &other, &nonce).unwrap()
            );
        }

        #[test]
        fn a_different_nonce_gives_a_different_commitment(estimates in estimates_strategy()) {
            prop_assert_ne!(
                commitment("r", "v", &estimates, &random_hex(32)).unwrap(),
                commitment("r", "v", &estimates, &random_hex(32)).unwrap()
            );
        }
    }
}
