//! Every row of the OpenAPI specification's style-examples table (a scalar, an array and an
//! object in each style), sent to a mock server and compared byte for byte with what arrives:
//! path styles in the path, query styles in the query string, headers and cookies, and form
//! bodies with an `encoding`.
//!
//! Labels with `explode: false` follow RFC 6570 (`.blue,black,brown`), which the specification's
//! styles are defined by.

use paragon_runtime::{Client, FilePart, Multipart, ParamStyle, Style, path_param_with};
use reqwest::Method;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, ResponseTemplate, matchers::any};

fn string() -> Value {
    json!("blue")
}
fn array() -> Value {
    json!(["blue", "black", "brown"])
}
fn object() -> Value {
    json!({"R": 100, "G": 200, "B": 150})
}

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

#[test]
fn path_styles() {
    let rows: &[(Style, bool, Value, &str)] = &[
        (Style::Simple, false, string(), "blue"),
        (Style::Simple, false, array(), "blue,black,brown"),
        (Style::Simple, false, object(), "R,100,G,200,B,150"),
        (Style::Simple, true, string(), "blue"),
        (Style::Simple, true, array(), "blue,black,brown"),
        (Style::Simple, true, object(), "R=100,G=200,B=150"),
        (Style::Label, false, string(), ".blue"),
        (Style::Label, false, array(), ".blue,black,brown"),
        (Style::Label, false, object(), ".R,100,G,200,B,150"),
        (Style::Label, true, string(), ".blue"),
        (Style::Label, true, array(), ".blue.black.brown"),
        (Style::Label, true, object(), ".R=100.G=200.B=150"),
        (Style::Matrix, false, string(), ";color=blue"),
        (Style::Matrix, false, array(), ";color=blue,black,brown"),
        (Style::Matrix, false, object(), ";color=R,100,G,200,B,150"),
        (Style::Matrix, true, string(), ";color=blue"),
        (
            Style::Matrix,
            true,
            array(),
            ";color=blue;color=black;color=brown",
        ),
        (Style::Matrix, true, object(), ";R=100;G=200;B=150"),
        // The "empty" column.
        (Style::Label, false, json!([]), "."),
        (Style::Matrix, false, json!(""), ";color"),
    ];
    for (style, explode, value, expected) in rows {
        let got = path_param_with("color", value, ParamStyle::new(*style, *explode));
        assert_eq!(got, *expected, "{style:?} explode={explode} {value}");
    }
}

#[tokio::test]
async fn path_styles_arrive_as_written() {
    let server = server().await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let matrix = path_param_with("color", &array(), ParamStyle::new(Style::Matrix, true));
    let label = path_param_with("color", &object(), ParamStyle::new(Style::Label, true));
    client
        .request(Method::GET, &format!("/m{matrix}/l{label}"))
        .send()
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(
        reqs[0].url.path(),
        "/m;color=blue;color=black;color=brown/l.R=100.G=200.B=150"
    );
}

#[tokio::test]
async fn query_styles_arrive_byte_for_byte() {
    let rows: &[(Style, bool, Value, &str)] = &[
        (Style::Form, false, string(), "color=blue"),
        (Style::Form, false, array(), "color=blue,black,brown"),
        (Style::Form, false, object(), "color=R,100,G,200,B,150"),
        (Style::Form, true, string(), "color=blue"),
        (
            Style::Form,
            true,
            array(),
            "color=blue&color=black&color=brown",
        ),
        (Style::Form, true, object(), "R=100&G=200&B=150"),
        (
            Style::SpaceDelimited,
            false,
            array(),
            "color=blue%20black%20brown",
        ),
        (
            Style::SpaceDelimited,
            false,
            object(),
            "color=R%20100%20G%20200%20B%20150",
        ),
        (
            Style::PipeDelimited,
            false,
            array(),
            "color=blue%7Cblack%7Cbrown",
        ),
        (
            Style::PipeDelimited,
            false,
            object(),
            "color=R%7C100%7CG%7C200%7CB%7C150",
        ),
        (
            Style::DeepObject,
            true,
            object(),
            "color[R]=100&color[G]=200&color[B]=150",
        ),
        // Values are percent-encoded; `allowReserved` is the next test.
        (Style::Form, true, json!("a b/c&d"), "color=a%20b%2Fc%26d"),
    ];
    let server = server().await;
    let client = Client::builder(&server.uri()).build().unwrap();
    for (style, explode, value, _) in rows {
        client
            .request(Method::GET, "/q")
            .query_with("color", value, ParamStyle::new(*style, *explode))
            .send()
            .await
            .unwrap();
    }
    client
        .request(Method::GET, "/q")
        .query_with("path", "/a/b:c,d&e", ParamStyle::QUERY.reserved())
        .send()
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    for (req, (style, explode, value, expected)) in reqs.iter().zip(rows) {
        assert_eq!(
            req.url.query(),
            Some(*expected),
            "{style:?} explode={explode} {value}"
        );
    }
    assert_eq!(reqs[rows.len()].url.query(), Some("path=/a/b:c,d%26e"));
}

#[tokio::test]
async fn headers_cookies_and_form_bodies_by_style() {
    let server = server().await;
    let client = Client::builder(&server.uri()).build().unwrap();
    client
        .request(Method::POST, "/h")
        .header_with("X-Array", &array(), false)
        .header_with("X-Object", &object(), false)
        .header_with("X-Exploded", &object(), true)
        .cookie_with("csv", &array(), false)
        .cookie_with("each", &json!(["a", "b"]), true)
        .form_with(
            &json!({"name": "a b", "tags": ["x", "y"], "meta": {"k": "v"}, "ids": [1, 2]}),
            &[
                ("tags", ParamStyle::new(Style::Form, false)),
                ("meta", ParamStyle::new(Style::DeepObject, true)),
                ("ids", ParamStyle::new(Style::PipeDelimited, false)),
            ],
        )
        .send()
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    let h = |n: &str| reqs[0].headers.get(n).unwrap().to_str().unwrap().to_owned();
    assert_eq!(h("x-array"), "blue,black,brown");
    assert_eq!(h("x-object"), "R,100,G,200,B,150");
    assert_eq!(h("x-exploded"), "R=100,G=200,B=150");
    assert_eq!(h("cookie"), "csv=blue,black,brown; each=a; each=b");
    assert_eq!(h("content-type"), "application/x-www-form-urlencoded");
    assert_eq!(
        String::from_utf8_lossy(&reqs[0].body),
        "name=a+b&tags=x,y&meta[k]=v&ids=1%7C2"
    );
}

#[tokio::test]
async fn multipart_bodies_are_resent_whole_on_a_retry() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let photo = FilePart::new(vec![0x89, b'P', b'N', b'G'])
        .file_name("rex.png")
        .content_type("image/png");
    client
        .request(Method::POST, "/upload")
        .multipart(
            Multipart::new()
                .text("note", "good dog")
                .file("file", &photo)
                .json("meta", &json!({"tags": ["a"]})),
        )
        .send()
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].body, reqs[1].body);
    let ct = reqs[1]
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap();
    let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
    let mut expected = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\ngood dog\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rex.png\"\r\nContent-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    expected.extend_from_slice(&[0x89, b'P', b'N', b'G']);
    expected.extend_from_slice(
        format!("\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{{\"tags\":[\"a\"]}}\r\n--{boundary}--\r\n").as_bytes(),
    );
    assert_eq!(reqs[1].body, expected);
}
