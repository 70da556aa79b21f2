//! The database file's list of free pages, checked by reading the file itself. SQLite's own checks (`quick_check`,
//! `integrity_check`, in the SQLite built in here) pass a file whose first free-list page holds nonsense; the file
//! then opens, is copied into every backup, and a later change that needs a new page fails with "database disk image
//! is malformed". The free list is walked as the file format describes it
//! (<https://www.sqlite.org/fileformat2.html#the_freelist>): each trunk page names the next trunk, how many leaf pages
//! it lists, and their numbers.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// What is wrong with the free list of the database file at `path`, or `None` when it is sound. Only a file whose
/// last changes are all in it is read (no WAL file beside it, or an empty one): otherwise SQLite's view of the pages
/// is not the file's, and `None` is returned. A file that cannot be read is left to SQLite's own checks.
pub fn damage(path: &Path) -> Option<String> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return None;
    }
    let mut file = File::open(path).ok()?;
    let mut header = [0u8; 100];
    file.read_exact(&mut header).ok()?;
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    if page_size < 512 {
        return None;
    }
    let usable = page_size - u64::from(header[20]);
    let pages = file.metadata().ok()?.len() / page_size;
    let mut trunk = u64::from(be32(&header[32..36]));
    let listed = u64::from(be32(&header[36..40]));
    let mut counted = 0u64;
    let mut page = vec![0u8; usize::try_from(page_size).ok()?];
    let damaged = |trunk: u64| Some(format!("its list of free pages is damaged (page {trunk})"));
    while trunk != 0 {
        if trunk > pages || counted >= listed {
            return damaged(trunk);
        }
        file.seek(SeekFrom::Start((trunk - 1) * page_size)).ok()?;
        file.read_exact(&mut page).ok()?;
        let leaves = u64::from(be32(&page[4..8]));
        if leaves > usable / 4 - 2 {
            return damaged(trunk);
        }
        let leaf_numbers = page[8..8 + 4 * usize::try_from(leaves).ok()?].chunks_exact(4);
        if leaf_numbers
            .map(|n| u64::from(be32(n)))
            .any(|leaf| leaf == 0 || leaf > pages)
        {
            return damaged(trunk);
        }
        counted += 1 + leaves;
        trunk = u64::from(be32(&page[0..4]));
    }
    (counted != listed).then(|| {
        format!("its list of free pages is damaged ({counted} free pages where its header says {listed})")
    })
}

fn be32(bytes: &[u8]) -> u32 {
    u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}
