//! The example posts scan to the verdicts written beside them, and the
//! groups they name are the ones found.

use vigil::Detector;

#[test]
fn sample_posts_get_their_intended_verdicts() {
    let posts = include_str!("../examples/data/sample_posts.txt");
    let expected = include_str!("../examples/data/sample_posts.expected.tsv");
    let posts: Vec<&str> = posts.lines().collect();
    let detector = Detector::default();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut f = line.split('\t');
        let (Some(n), Some(verdict), Some(groups)) = (f.next(), f.next(), f.next()) else {
            panic!("malformed expectation line: {line:?}");
        };
        let n: usize = n.parse().expect("line number");
        let post = posts[n - 1];
        let report = detector.scan(post);
        checked += 1;
        let mut found = report.groups();
        found.sort_unstable();
        let mut want: Vec<&str> = groups.split(',').filter(|g| *g != "-").collect();
        want.sort_unstable();
        if report.verdict.as_str() != verdict || (verdict != "clean" && found != want) {
            wrong.push(format!(
                "line {n}: want {verdict} {want:?}, got {} {found:?}: {post}",
                report.verdict
            ));
        }
        for m in &report.matches {
            assert_eq!(&post[m.start()..m.end()], m.text(), "line {n}");
        }
    }
    assert_eq!(checked, posts.len(), "every sample post has an expectation");
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
