//! `mla drafts attach|detach|annex-limit`: annex files kept with a draft.

use std::path::Path;

use mla_writer::store::annexes::AnnexSlot;
use mla_writer::store::Store;

/// `mla drafts attach`: prints the annex number, the SHA-256 and the name.
pub fn attach(store: &mut Store, id: &str, file: &Path, annex: Option<usize>, label: Option<String>) -> Result<(), String> {
    let draft = store.load_draft(id).map_err(|e| e.to_string())?;
    let slot = match annex {
        Some(number) => AnnexSlot::Existing(number),
        None => AnnexSlot::New {
            title: label.unwrap_or_else(|| file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()),
        },
    };
    let attached = store.attach_annex_file(id, &draft.request, slot, file).map_err(|e| e.to_string())?;
    let pages = attached.file.pages.map(|p| format!(", {p} page(s)")).unwrap_or_default();
    println!(
        "annex {}: {} ({}, {} bytes{pages}) SHA-256 {}",
        attached.number, attached.file.name, attached.file.media_type, attached.file.size, attached.file.sha256
    );
    Ok(())
}

/// `mla drafts detach`.
pub fn detach(store: &mut Store, id: &str, annex: usize) -> Result<(), String> {
    let draft = store.load_draft(id).map_err(|e| e.to_string())?;
    if draft.request.attachments.get(annex.wrapping_sub(1)).is_some_and(|a| a.file.is_none()) {
        return Err(format!("annex {annex} of draft {id} has no file"));
    }
    store.detach_annex_file(id, &draft.request, annex).map_err(|e| e.to_string())?;
    println!("annex {annex}: file removed");
    Ok(())
}

/// `mla drafts annex-limit [MIB]`.
pub fn limit(store: &mut Store, mib: Option<u64>) -> Result<(), String> {
    if let Some(mib) = mib {
        let bytes = mib.checked_mul(1 << 20).ok_or_else(|| format!("{mib} MiB is too large a limit"))?;
        store.set_annex_size_limit(bytes).map_err(|e| e.to_string())?;
    }
    let bytes = store.annex_size_limit().map_err(|e| e.to_string())?;
    println!("annex files may have at most {} MiB ({bytes} bytes)", bytes >> 20);
    Ok(())
}
