/// What a numbered pagination bar shows: page links and gaps ("…").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageItem {
    Page(u32),
    Gap,
}

/// Number of pages needed for `items` at `page_size` per page; an empty
/// listing still has one (empty) page.
pub fn page_count(items: usize, page_size: usize) -> u32 {
    items.div_ceil(page_size).max(1) as u32
}

/// The first page, the last page and two pages either side of `current`,
/// with a gap where pages are left out. A gap never hides a single page:
/// that page is shown instead, as "…" would take the same room.
pub fn page_items(current: u32, total: u32) -> Vec<PageItem> {
    const AROUND: u32 = 2;
    if total == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let mut low = current.saturating_sub(AROUND).max(1);
    let mut high = (current + AROUND).min(total);
    if low == 3 {
        low = 2;
    }
    if high + 2 == total {
        high = total - 1;
    }
    let mut items = Vec::new();
    if low > 1 {
        items.push(PageItem::Page(1));
        if low > 2 {
            items.push(PageItem::Gap);
        }
    }
    items.extend((low..=high).map(PageItem::Page));
    if high < total {
        if high + 1 < total {
            items.push(PageItem::Gap);
        }
        items.push(PageItem::Page(total));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::PageItem::{Gap, Page};
    use super::*;

    fn shown(current: u32, total: u32) -> String {
        page_items(current, total)
            .iter()
            .map(|item| match item {
                Page(n) => n.to_string(),
                Gap => "…".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn counts_pages_at_the_boundaries() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(1, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(page_count(20, 10), 2);
        assert_eq!(page_count(21, 10), 3);
    }

    #[test]
    fn bars() {
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 3), "1 2 3");
        assert_eq!(shown(1, 10), "1 2 3 … 10");
        assert_eq!(shown(5, 10), "1 2 3 4 5 6 7 … 10");
        assert_eq!(shown(6, 12), "1 … 4 5 6 7 8 … 12");
        assert_eq!(shown(10, 10), "1 … 8 9 10");
        assert_eq!(shown(4, 7), "1 2 3 4 5 6 7");
        assert_eq!(shown(99, 7), "1 … 5 6 7");
    }

    #[test]
    fn every_page_is_reachable_and_current_is_shown() {
        for total in 1..40 {
            for current in 1..=total {
                let items = page_items(current, total);
                assert!(items.contains(&Page(current)));
                assert_eq!(items.first(), Some(&Page(1)));
                assert_eq!(items.last(), Some(&Page(total)));
                for pair in items.windows(2) {
                    match pair {
                        [Page(a), Page(b)] => assert_eq!(a + 1, *b),
                        [Page(a), Gap] => assert!(!items.contains(&Page(a + 1))),
                        [Gap, Gap] => panic!("two gaps in a row"),
                        _ => {}
                    }
                }
            }
        }
    }
}
