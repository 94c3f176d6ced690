//! Tuning aid: `cargo run --release --example similarity -- PATH LO HI` lists
//! same-speaker, date-compatible quote pairs in different articles whose
//! wording similarity is in [LO, HI); `PATH articles` lists article
//! similarities and `PATH stories` the stories.
use quoteline::relate::{statements, terms};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let c = quoteline::load_corpus(&[args[0].clone()], &Default::default());
    let t = &c.index.quote_terms;
    if args[1] == "articles" {
        let v = quoteline::relate::stories::article_vectors(&c, Default::default());
        for a in 0..v.len() {
            for b in a + 1..v.len() {
                let s = terms::similarity_cosine(&v[a], &v[b]);
                if s > 0.05 {
                    println!(
                        "{s:.2} {:?} {:?} {} | {}",
                        c.articles[a].date, c.articles[b].date, c.articles[a].file, c.articles[b].file
                    );
                }
            }
        }
        return;
    }
    if args[1] == "stories" {
        for st in &c.stories {
            println!("# {}", st.title);
            for &a in &st.articles {
                println!("   {:?} {}", c.articles[a].date, c.articles[a].file);
            }
        }
        return;
    }
    let (lo, hi): (f32, f32) = (args[1].parse().unwrap(), args[2].parse().unwrap());
    for sp in &c.speakers {
        let qs: Vec<usize> = sp
            .quotes
            .iter()
            .copied()
            .filter(|&q| statements::eligible(&c.quotes[q]))
            .collect();
        for (i, &a) in qs.iter().enumerate() {
            for &b in &qs[i + 1..] {
                if c.quotes[a].article == c.quotes[b].article {
                    continue;
                }
                if !statements::dates_agree(c.quotes[a].when.as_ref(), c.quotes[b].when.as_ref()) {
                    continue;
                }
                let s = terms::similarity(t.get(a), t.get(b));
                if s >= lo && s < hi {
                    println!(
                        "{s:.2} {} | {:.70} | {:.70}",
                        sp.name,
                        c.quote_text(&c.quotes[a]).replace('\n', " "),
                        c.quote_text(&c.quotes[b]).replace('\n', " ")
                    );
                }
            }
        }
    }
}
