//! Turning pages into a stream of items.

use std::future::Future;

use futures_util::stream::{self, BoxStream, StreamExt as _};

use crate::error::Error;

struct State<First, Next, C, Iter, CursorFn, FetchFn, ItemsFn> {
    first: Option<First>,
    next: Option<Next>,
    items: Option<Iter>,
    /// Every cursor followed so far (at most `max_pages`, so a linear search is cheap next to
    /// the page fetches; cursors need only `PartialEq`).
    seen: Vec<C>,
    pages: usize,
    max_pages: usize,
    /// Why the stream ends once the last page's items are out.
    stop: Option<Error>,
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
/// a cursor that an earlier page of this stream returned (`A → B → A`), its items are yielded
/// and then the stream ends with [`Error::RepeatedCursor`] instead of looping forever; after
/// [`crate::DEFAULT_MAX_PAGES`] pages it ends with [`Error::TooManyPages`] (see
/// [`paginate_with`] for another cap).
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
    paginate_with(crate::DEFAULT_MAX_PAGES, first, cursor, fetch, items)
}

/// [`paginate`] with at most `max_pages` pages (the first one included); generated `*_stream`
/// functions pass the client's [`crate::Limits::max_pages`].
pub fn paginate_with<'a, P, C, I, Items, First, CursorFn, FetchFn, Next, ItemsFn>(
    max_pages: usize,
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
        seen: Vec::new(),
        pages: 0,
        max_pages,
        stop: None,
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
            if let Some(e) = st.stop.take() {
                st.done = true;
                return Some((Err(e), st));
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
            st.pages += 1;
            match (st.cursor_fn)(&page) {
                None => st.done = true,
                Some(c) if st.seen.contains(&c) => st.stop = Some(Error::RepeatedCursor),
                Some(_) if st.pages >= st.max_pages => {
                    st.stop = Some(Error::TooManyPages {
                        limit: st.max_pages,
                    });
                }
                Some(c) => {
                    st.next = Some((st.fetch_fn)(c.clone()));
                    st.seen.push(c);
                }
            }
            st.items = Some((st.items_fn)(page).into_iter());
        }
    })
    .boxed()
}
