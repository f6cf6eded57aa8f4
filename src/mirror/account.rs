//! The account record compared by the mirror finder.

use serde::{Deserialize, Deserializer, Serialize};

/// A social-media account as the mirror finder sees it.
///
/// Only `id` is required; every other field may be empty, missing or
/// `null` in JSON. Text may be in any script and may carry emoji.
///
/// Only the start of very long fields is read when comparing: the first 256
/// bytes of the handle and display name, 4 KiB of the bio and of each post,
/// 32 posts and 16 links. That bounds the cost of one account whatever it
/// holds.
///
/// # Example
///
/// ```
/// use vigil::Account;
///
/// let a: Account = serde_json::from_str(
///     r#"{"id": "42", "handle": "umar_media", "links": ["https://t.me/umarmedia"], "bio": null}"#,
/// )?;
/// assert_eq!(a.handle, "umar_media");
/// assert!(a.bio.is_empty() && a.posts.is_empty());
///
/// let b = Account::new("43").handle("umar.media2").display_name("Umar Media");
/// assert_eq!(b.id, "43");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Account {
    /// The platform's identifier of the account. Carried through to
    /// results; never compared.
    pub id: String,
    /// The handle or user name, with or without `@`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub handle: String,
    /// The display name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// The profile description.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bio: String,
    /// Links on the profile (URLs, with or without a scheme).
    #[serde(default, deserialize_with = "null_as_default")]
    pub links: Vec<String>,
    /// Recent posts, most recent first.
    #[serde(default, deserialize_with = "null_as_default")]
    pub posts: Vec<String>,
}

impl Account {
    /// An account with this id and nothing else.
    pub fn new(id: impl Into<String>) -> Account {
        Account {
            id: id.into(),
            ..Account::default()
        }
    }

    /// Sets the handle.
    pub fn handle(mut self, handle: impl Into<String>) -> Account {
        self.handle = handle.into();
        self
    }

    /// Sets the display name.
    pub fn display_name(mut self, name: impl Into<String>) -> Account {
        self.display_name = name.into();
        self
    }

    /// Sets the bio.
    pub fn bio(mut self, bio: impl Into<String>) -> Account {
        self.bio = bio.into();
        self
    }

    /// Adds a profile link.
    pub fn link(mut self, url: impl Into<String>) -> Account {
        self.links.push(url.into());
        self
    }

    /// Adds a post.
    pub fn post(mut self, text: impl Into<String>) -> Account {
        self.posts.push(text.into());
        self
    }
}

fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
