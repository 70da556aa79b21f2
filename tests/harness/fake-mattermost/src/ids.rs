//! Mattermost-shaped ids and a clock, both deterministic enough for tests.
//!
//! An id is 26 characters of the alphabet `model.NewId` encodes with (`server/public/model/utils.go`:
//! base32 "ybndrfg8ejkmcpqxot1uwisza345h769", no padding).

use std::time::{SystemTime, UNIX_EPOCH};

const ALPHABET: &[u8; 32] = b"ybndrfg8ejkmcpqxot1uwisza345h769";

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A 26-character id drawn from `seed`.
pub fn id_from(seed: u64) -> String {
    let mut x = splitmix(seed);
    let mut out = String::with_capacity(26);
    for i in 0..26u64 {
        if i % 12 == 0 {
            x = splitmix(x ^ i);
        }
        out.push(char::from(ALPHABET[(x & 31) as usize]));
        x >>= 5;
    }
    out
}

/// The id of a named thing (a user, team or channel): the same name always gets the same id.
pub fn id_for(kind: &str, name: &str) -> String {
    id_from(fnv(&format!("{kind}\0{name}")))
}

/// Whether `id` has the shape of `model.IsValidId`: 26 ASCII letters or digits.
pub fn is_valid_id(id: &str) -> bool {
    id.len() == 26 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Milliseconds since the epoch that strictly increase from one call to the next.
#[derive(Debug, Default)]
pub struct Clock {
    last: i64,
}

impl Clock {
    pub fn now(&mut self) -> i64 {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        self.last = wall.max(self.last + 1);
        self.last
    }
}
