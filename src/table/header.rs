//! Recognising a table's header: which column holds the host, the type, the TTL, the priority
//! and the value, whatever the customer's template calls them.
//!
//! Headers are compared after normalising away what varies between templates: full-width
//! forms, case, spaces, punctuation, and notes in brackets (`TTL(秒)`, `ホスト名（サブドメイン）`,
//! `値【必須】`).

use crate::zone::customer::fullwidth_to_ascii_str;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Host,
    Type,
    Ttl,
    Priority,
    Weight,
    Port,
    Value,
    /// A column zonegate knowingly does not read: remarks, row numbers, the class.
    Ignored,
}

impl Role {
    /// The role's name for messages.
    pub fn name(self, lang: crate::diag::Lang) -> &'static str {
        use crate::diag::Lang::*;
        match (self, lang) {
            (Role::Host, En) => "host",
            (Role::Type, En) => "type",
            (Role::Ttl, En) => "TTL",
            (Role::Priority, En) => "priority",
            (Role::Weight, En) => "weight",
            (Role::Port, En) => "port",
            (Role::Value, En) => "value",
            (Role::Ignored, En) => "remarks",
            (Role::Host, Ja) => "ホスト名",
            (Role::Type, Ja) => "タイプ",
            (Role::Ttl, Ja) => "TTL",
            (Role::Priority, Ja) => "優先度",
            (Role::Weight, Ja) => "重み",
            (Role::Port, Ja) => "ポート",
            (Role::Value, Ja) => "値",
            (Role::Ignored, Ja) => "備考",
        }
    }
}

/// Header texts by role, normalised (see [`normalize`]).
const HEADERS: &[(Role, &[&str])] = &[
    (
        Role::Host,
        &[
            "name",
            "host",
            "hostname",
            "hosts",
            "owner",
            "ownername",
            "recordname",
            "subdomain",
            "label",
            "fqdn",
            "domain",
            "domainname",
            "ホスト名",
            "ホスト",
            "名前",
            "名称",
            "サブドメイン",
            "サブドメイン名",
            "レコード名",
            "ドメイン名",
            "ドメイン",
            "ホストレコード",
            "ホスト名サブドメイン",
        ],
    ),
    (
        Role::Type,
        &[
            "type",
            "recordtype",
            "rrtype",
            "タイプ",
            "種別",
            "種類",
            "レコード種別",
            "レコードタイプ",
            "レコードの種類",
            "レコード種類",
            "レコードの種別",
            "レコード",
        ],
    ),
    (
        Role::Ttl,
        &["ttl", "ttl値", "ttlsec", "ttlseconds", "有効期間"],
    ),
    (
        Role::Priority,
        &[
            "priority",
            "preference",
            "pref",
            "prio",
            "distance",
            "mxpriority",
            "mxpreference",
            "優先度",
            "優先順位",
            "優先",
            "mx優先度",
            "プライオリティ",
            "プリファレンス",
        ],
    ),
    (Role::Weight, &["weight", "重み", "ウェイト", "ウエイト"]),
    (Role::Port, &["port", "ポート", "ポート番号"]),
    (
        Role::Value,
        &[
            "value",
            "data",
            "rdata",
            "recorddata",
            "recordvalue",
            "content",
            "contents",
            "answer",
            "target",
            "pointsto",
            "address",
            "値",
            "データ",
            "内容",
            "設定値",
            "設定内容",
            "レコード値",
            "レコードの値",
            "レコードデータ",
            "レコード内容",
            "値データ",
            "アドレス",
            "ipアドレス",
            "宛先",
            "向け先",
            "参照先",
        ],
    ),
    (
        Role::Ignored,
        &[
            "no",
            "#",
            "番号",
            "項番",
            "連番",
            "class",
            "クラス",
            "備考",
            "メモ",
            "コメント",
            "説明",
            "用途",
            "目的",
            "摘要",
            "remarks",
            "remark",
            "note",
            "notes",
            "comment",
            "comments",
            "description",
            "memo",
            "purpose",
        ],
    ),
];

/// A header as compared: full-width forms as ASCII, lowercase, without spaces, punctuation or
/// bracketed notes.
pub fn normalize(header: &str) -> String {
    let ascii = fullwidth_to_ascii_str(header).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    let mut depth = 0usize;
    for c in ascii.chars() {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' | '「' => depth += 1,
            ')' | ']' | '】' | '〕' | '>' | '》' | '」' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '\u{3000}' => {}
            '_' | '-' | '.' | ':' | '：' | '・' | '/' | '※' | '*' | '＊' => {}
            c => out.push(c),
        }
    }
    out
}

/// The role of a header, if it is one zonegate knows.
pub fn role(header: &str) -> Option<Role> {
    let n = normalize(header);
    if n.is_empty() {
        return None;
    }
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(role, _)| *role)
        .or_else(|| {
            // `No.` and `#` normalise to almost nothing; `TTL（秒）` to `ttl`. What remains are
            // the many ways of writing a role with a word around it.
            let n = n.as_str();
            if n.starts_with("ttl") {
                Some(Role::Ttl)
            } else if n.contains("優先") || n.ends_with("priority") {
                Some(Role::Priority)
            } else {
                None
            }
        })
}

/// The columns of a header row.
#[derive(Debug, Default, Clone)]
pub struct Columns {
    /// For each column of the header row, its role (or `None`: a header zonegate does not know).
    pub roles: Vec<Option<Role>>,
}

impl Columns {
    pub fn from_headers<'a>(headers: impl IntoIterator<Item = &'a str>) -> Self {
        let mut roles: Vec<Option<Role>> = Vec::new();
        for h in headers {
            let r = role(h);
            // The first column of a role is read; a second one is reported as unknown.
            let r = r.filter(|r| *r == Role::Ignored || !roles.contains(&Some(*r)));
            roles.push(if h.trim().is_empty() {
                Some(Role::Ignored)
            } else {
                r
            });
        }
        Columns { roles }
    }

    pub fn find(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    /// A header row names at least the type and the value.
    pub fn is_header(&self) -> bool {
        self.find(Role::Type).is_some() && self.find(Role::Value).is_some()
    }

    pub fn known(&self) -> usize {
        self.roles
            .iter()
            .filter(|r| r.is_some_and(|r| r != Role::Ignored))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_maps() {
        let cases: &[(&str, Role)] = &[
            ("name", Role::Host),
            ("Host", Role::Host),
            ("HOST NAME", Role::Host),
            ("ホスト名", Role::Host),
            ("ホスト", Role::Host),
            ("名前", Role::Host),
            ("ホスト名（サブドメイン）", Role::Host),
            ("ホスト名(サブドメイン)", Role::Host),
            ("ｈｏｓｔ", Role::Host),
            ("type", Role::Type),
            ("Type", Role::Type),
            ("タイプ", Role::Type),
            ("種別", Role::Type),
            ("レコード種別", Role::Type),
            ("レコードタイプ", Role::Type),
            ("レコード　タイプ", Role::Type),
            ("Record Type", Role::Type),
            ("ttl", Role::Ttl),
            ("TTL", Role::Ttl),
            ("TTL(秒)", Role::Ttl),
            ("TTL（秒）", Role::Ttl),
            ("ＴＴＬ", Role::Ttl),
            ("TTL [sec]", Role::Ttl),
            ("priority", Role::Priority),
            ("Priority", Role::Priority),
            ("preference", Role::Priority),
            ("優先度", Role::Priority),
            ("MX優先度", Role::Priority),
            ("ＭＸ優先度", Role::Priority),
            ("優先度（MXのみ）", Role::Priority),
            ("value", Role::Value),
            ("Value", Role::Value),
            ("data", Role::Value),
            ("値", Role::Value),
            ("データ", Role::Value),
            ("内容", Role::Value),
            ("設定値", Role::Value),
            ("値【必須】", Role::Value),
            ("レコード値", Role::Value),
            ("備考", Role::Ignored),
            ("No.", Role::Ignored),
            ("#", Role::Ignored),
        ];
        for (header, want) in cases {
            assert_eq!(role(header), Some(*want), "{header}");
        }
        assert_eq!(role("DNSレコード申請書"), None);
        assert_eq!(role(""), None);
    }

    #[test]
    fn header_rows_need_type_and_value() {
        assert!(Columns::from_headers(["ホスト名", "タイプ", "値"]).is_header());
        assert!(!Columns::from_headers(["DNS設定申請書", "", ""]).is_header());
        let c = Columns::from_headers(["host", "type", "value", "value"]);
        assert_eq!(c.roles[3], None);
    }
}
