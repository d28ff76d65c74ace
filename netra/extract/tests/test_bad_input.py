"""Bad input gives a record with warnings, never a traceback; a batch goes on."""

import io
import json

from netra.extract import cleaning
from netra.extract.cli import main, write
from netra.extract.pipeline import extract_path

ARTICLE = ("Ketua Bawaslu Kabupaten Garut, Siti Aminah, mengatakan ASN wajib menjaga netralitas dalam "
           "Pilkada 2024 saat rapat koordinasi di Garut, Senin (2/9/2024). Ia meminta camat dan lurah "
           "tidak ikut berkampanye serta tidak membagikan unggahan pasangan calon di media sosial.")


def record_for(path):
    return extract_path(path).as_dict()


def test_an_empty_file_gives_a_warning(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert record_for(path)["warnings"] == ["empty input"]


def test_a_binary_file_gives_a_warning(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    record = record_for(path)
    assert record["text"] == ""
    assert "binary" in record["warnings"][0]


def test_a_huge_page_is_capped_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(cleaning, "MAX_BYTES", 20_000)
    path = tmp_path / "huge.txt"
    path.write_text("Judul\n" + (ARTICLE + "\n") * 2000, encoding="utf-8")
    record = record_for(path)
    assert any("only the first 20,000 bytes" in w for w in record["warnings"])
    assert record["organizations"] == ["Bawaslu Kabupaten Garut"]


def test_a_page_in_another_language_is_flagged(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("Title\nThe election supervisory agency said on Monday that civil servants must remain "
                    "neutral during the regional elections, and that officials who post support for candidates "
                    "on social media may face sanctions after the reports are reviewed.", encoding="utf-8")
    assert any("not Indonesian" in w for w in record_for(path)["warnings"])


def test_broken_html_still_gives_text_and_a_warning(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(f"<html><head><title>Rakor <b>Bawaslu</title><body><div><p>{ARTICLE}<p><div></span>",
                    encoding="utf-8")
    record = record_for(path)
    assert "Siti Aminah" in record["text"]
    assert any("HTML" in w for w in record["warnings"])


def test_an_unknown_encoding_falls_back_with_a_warning(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(("Judul\n" + ARTICLE.replace("Siti Aminah", "José Aminah") + " “Netral”").encode("cp1252"))
    record = record_for(path)
    assert any("cp1252" in w for w in record["warnings"])
    assert record["people"][0]["name"] == "José Aminah"


def test_a_missing_file_gives_a_warning(tmp_path):
    assert "cannot read input" in record_for(tmp_path / "missing.txt")["warnings"][0]


def test_invalid_json_gives_a_warning(tmp_path):
    path = tmp_path / "page.json"
    path.write_text("{not json", encoding="utf-8")
    assert "invalid JSON" in record_for(path)["warnings"][0]


def test_json_input_with_text_and_publication_date(tmp_path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"url": "https://example.org/a", "text": ARTICLE, "published": "2024-09-03"}))
    record = record_for(path)
    assert record["publication_date"] == "2024-09-03"
    assert record["event_date"] == "2024-09-02"
    assert record["regions"][0]["name"] == "Kabupaten Garut"


def test_a_batch_goes_on_after_bad_inputs_and_exits_zero(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Judul\n" + ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(tmp_path / "missing.txt"), str(empty), str(good)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"] for r in records] == [str(tmp_path / "missing.txt"), str(empty), str(good)]
    assert records[2]["people"][0]["name"] == "Siti Aminah"
    assert all("warnings" in r for r in records)


def test_the_exit_code_is_non_zero_when_no_input_could_be_read(tmp_path, capsys):
    assert main([str(tmp_path / "a.txt"), str(tmp_path / "b.html")]) == 1


def test_every_output_format_is_written(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Judul\n" + ARTICLE, encoding="utf-8")
    for output_format in ("jsonl", "json", "table"):
        out = io.StringIO()
        assert write([extract_path(good)], output_format, out) == 1
        assert "Siti Aminah" in out.getvalue()
