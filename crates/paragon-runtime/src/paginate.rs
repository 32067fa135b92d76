//! Turning pages into a stream of items.

use std::future::Future;

use futures_util::stream::{self, BoxStream, StreamExt as _};

use crate::error::Error;

struct State<First, Next, C, Iter, CursorFn, FetchFn, ItemsFn> {
    first: Option<First>,
    next: Option<Next>,
    items: Option<Iter>,
    last_cursor: Option<C>,
    /// Set when the last page repeated the previous cursor; reported once
    /// that page's items are out.
    repeated: bool,
    done: bool,
    cursor_fn: CursorFn,
    fetch_fn: FetchFn,
    items_fn: ItemsFn,
}

/// Builds a stream of items from pages, fetching each page lazily when the
/// previous page's items are used up. Works for cursor pages and `nextLink`
/// pages alike.
///
/// * `first`: the future fetching the first page.
/// * `cursor`: what to fetch next, extracted from a page (a cursor, a
///   `nextLink` URL, a page number, ...); `None` ends the stream.
/// * `fetch`: the future fetching the page for a cursor.
/// * `items`: the items of a page.
///
/// The first error ends the stream (after being yielded). If a page returns
/// the same cursor as the page before it, its items are yielded and then the
/// stream ends with [`Error::RepeatedCursor`] instead of looping forever.
///
/// The stream is boxed (and so `Unpin`): use it directly with
/// [`futures_util::StreamExt::next`] or [`futures_util::TryStreamExt`].
///
/// ```
/// use futures_util::TryStreamExt as _;
/// use paragon_runtime::{Error, paginate};
///
/// #[derive(Clone)]
/// struct Page {
///     data: Option<Vec<u32>>,
///     next_link: Option<String>,
/// }
///
/// // Stands in for a generated `client.get_page_by_url(&link)`.
/// async fn get_page_by_url(link: &str) -> Result<Page, Error> {
///     Ok(match link {
///         "/page2" => Page { data: Some(vec![3]), next_link: None },
///         _ => return Err(Error::InvalidRequest("no such page".into())),
///     })
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let first = async { Ok(Page { data: Some(vec![1, 2]), next_link: Some("/page2".into()) }) };
/// let all: Vec<u32> = paginate(
///     first,
///     |page: &Page| page.next_link.clone(),
///     |link: String| async move { get_page_by_url(&link).await },
///     |page: Page| page.data.unwrap_or_default(),
/// )
/// .try_collect()
/// .await?;
/// assert_eq!(all, [1, 2, 3]);
/// # Ok::<(), Error>(())
/// # }).unwrap();
/// ```
pub fn paginate<'a, P, C, I, Items, First, CursorFn, FetchFn, Next, ItemsFn>(
    first: First,
    cursor: CursorFn,
    fetch: FetchFn,
    items: ItemsFn,
) -> BoxStream<'a, Result<I, Error>>
where
    P: Send + 'a,
    C: PartialEq + Clone + Send + 'a,
    I: Send + 'a,
    Items: IntoIterator<Item = I>,
    Items::IntoIter: Send + 'a,
    First: Future<Output = Result<P, Error>> + Send + 'a,
    CursorFn: FnMut(&P) -> Option<C> + Send + 'a,
    FetchFn: FnMut(C) -> Next + Send + 'a,
    Next: Future<Output = Result<P, Error>> + Send + 'a,
    ItemsFn: FnMut(P) -> Items + Send + 'a,
{
    let state = State {
        first: Some(first),
        next: None,
        items: None,
        last_cursor: None,
        repeated: false,
        done: false,
        cursor_fn: cursor,
        fetch_fn: fetch,
        items_fn: items,
    };
    stream::unfold(state, |mut st| async move {
        loop {
            if let Some(item) = st.items.as_mut().and_then(Iterator::next) {
                return Some((Ok(item), st));
            }
            st.items = None;
            if st.done {
                return None;
            }
            if st.repeated {
                st.done = true;
                return Some((Err(Error::RepeatedCursor), st));
            }
            let page = if let Some(first) = st.first.take() {
                first.await
            } else if let Some(next) = st.next.take() {
                next.await
            } else {
                return None;
            };
            let page = match page {
                Ok(page) => page,
                Err(e) => {
                    st.done = true;
                    return Some((Err(e), st));
                }
            };
            match (st.cursor_fn)(&page) {
                None => st.done = true,
                Some(c) if st.last_cursor.as_ref() == Some(&c) => st.repeated = true,
                Some(c) => {
                    st.next = Some((st.fetch_fn)(c.clone()));
                    st.last_cursor = Some(c);
                }
            }
            st.items = Some((st.items_fn)(page).into_iter());
        }
    })
    .boxed()
}
