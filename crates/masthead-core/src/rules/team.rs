//! What makes a team member valid, and the login and password a new one
//! gets.

use super::contributors::valid_email;
use super::required_text;
use crate::error::Result;
use crate::model::InviteInput;

pub(crate) fn validate(input: &InviteInput) -> Result<InviteInput> {
    if input.email.trim().is_empty() {
        return Err(crate::error::Error::invalid(
            "email_required",
            "email",
            "Type their email address: the team knows people by it, and a contributor is linked to the directory by it.",
        ));
    }
    Ok(InviteInput {
        name: required_text(&input.name, "name", "name", 120)?,
        email: valid_email(&input.email)?,
        role: input.role,
    })
}

/// The login a new member's name suggests: `mh_` and the name in plain
/// lower-case letters, digits and underscores (a server's logins are shared
/// by every database on it, so the prefix keeps clear of others').
pub(crate) fn login_base(name: &str) -> String {
    let mut out = String::from("mh_");
    let mut gap = false;
    for c in name.chars() {
        let c = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' | 'ő' | 'Ő' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' | 'ű' | 'Ű' => 'u',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            if gap && out.len() > 3 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            gap = false;
        } else {
            gap = true;
        }
        if out.len() >= 40 {
            break;
        }
    }
    if out.len() == 3 {
        out.push_str("member");
    }
    out
}

/// The logins to try, in order, until one is free: the base, then `_2`, `_3`…
pub(crate) fn login_candidates(base: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(base.to_owned()).chain((2..).map(move |n| format!("{base}_{n}")))
}

/// A new password: 24 letters and digits from the system's random source
/// (about 142 bits), shown once to whoever invites.
pub(crate) fn new_password() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let bytes: Vec<u8> = (0..2)
        .flat_map(|_| *uuid::Uuid::new_v4().as_bytes())
        .collect();
    // v4 UUIDs fix 6 bits each; take the random bytes only.
    bytes
        .iter()
        .enumerate()
        .filter(|(i, _)| !matches!(i % 16, 6 | 8))
        .take(24)
        .map(|(_, b)| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TeamRole;

    #[test]
    fn a_login_comes_from_the_name_in_plain_letters() {
        assert_eq!(login_base("Hannah Okafor"), "mh_hannah_okafor");
        assert_eq!(login_base("  Zoë O'Brien-Kovács "), "mh_zoe_o_brien_kovacs");
        assert_eq!(login_base("李雷"), "mh_member");
        assert!(login_base(&"x".repeat(200)).len() <= 40);
        let mut c = login_candidates("mh_ann");
        assert_eq!(c.next().unwrap(), "mh_ann");
        assert_eq!(c.next().unwrap(), "mh_ann_2");
    }

    #[test]
    fn passwords_are_long_plain_and_different() {
        let a = new_password();
        let b = new_password();
        assert_eq!(a.len(), 24);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, b);
    }

    #[test]
    fn a_member_needs_a_name_and_an_email() {
        let ok = validate(&InviteInput {
            name: " Hannah Okafor ".into(),
            email: " hannah@example.org ".into(),
            role: TeamRole::Contributor,
        })
        .unwrap();
        assert_eq!(ok.name, "Hannah Okafor");
        assert_eq!(ok.email, "hannah@example.org");
        let err = validate(&InviteInput {
            name: "Hannah".into(),
            email: "not an address".into(),
            role: TeamRole::Editor,
        })
        .unwrap_err();
        assert_eq!(err.code(), "email_invalid");
        assert_eq!(err.field(), Some("email"));
        let err = validate(&InviteInput {
            name: "Hannah".into(),
            email: "  ".into(),
            role: TeamRole::Editor,
        })
        .unwrap_err();
        assert_eq!(err.code(), "email_required");
    }
}
