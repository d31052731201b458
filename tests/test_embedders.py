"""Embedders: the bundled USE model and a real sentence-transformers model loaded from a local folder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from documents import arabic_style_rules

from assistant.config import Config
from assistant.embedders import LocalSentenceTransformer, UniversalSentenceEncoder, make_embedder
from assistant.errors import AssistantError
from assistant.ingest import add_document, build_index
from assistant.store import RuleStore


def test_use_embeddings_are_normalised_and_meaningful() -> None:
    embedder = UniversalSentenceEncoder()
    vectors = np.array(embedder.embed_documents(["市政府常务会议每月召开2次", "市政府常务会议每月召开两次", "严禁酒后驾车"]))
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert np.allclose(embedder.embed_query("市政府常务会议每月召开2次"), vectors[0], atol=1e-5)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BERT sentence-transformers model, built and saved locally by the test (no download)."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel, BertTokenizer

    root = tmp_path_factory.mktemp("tiny-st")
    bert_dir = root / "bert"
    bert_dir.mkdir()
    characters = sorted({ch for ch in arabic_style_rules() + "常务会议每月召开几次会签文件多少天回复" if not ch.isspace()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *characters]
    (bert_dir / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    BertTokenizer(str(bert_dir / "vocab.txt")).save_pretrained(str(bert_dir))
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512)
    BertModel(config).save_pretrained(str(bert_dir))
    word = Transformer(str(bert_dir), max_seq_length=256)
    model = SentenceTransformer(modules=[word, Pooling(word.get_embedding_dimension())])
    model.save(str(root / "model"))
    return root / "model"


def test_local_sentence_transformer_builds_a_store(tiny_model: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    index_dir = tmp_path / "index"
    (index_dir / "sources").mkdir(parents=True)
    (index_dir / "sources" / "qingshan.txt").write_text(arabic_style_rules(), encoding="utf-8")
    (index_dir / "manifest.toml").write_text('[[documents]]\nfile = "sources/qingshan.txt"\n', encoding="utf-8")
    spec = f"sentence-transformers:{tiny_model}"
    config = Config(index_dir=index_dir, embedder=spec)
    build_index(config)
    store = RuleStore.open(config)
    assert store.embedder_spec == spec
    embedder = make_embedder(spec)
    assert isinstance(embedder, LocalSentenceTransformer)
    assert len(embedder.embed_query("常务会议每月召开几次")) == 32
    hits = store.vectorstore(embedder).similarity_search("常务会议每月召开几次", k=5)
    assert sorted(hit.metadata["article"] for hit in hits) == [1, 2, 3, 4, 5]

    use_config = Config(index_dir=index_dir, embedder="use")
    with pytest.raises(AssistantError, match="请先用当前配置重建"):
        add_document(use_config, index_dir / "sources" / "qingshan.txt")


@pytest.mark.parametrize(("spec", "message"), [
    ("sentence-transformers:/nonexistent/model", "找不到本地向量模型目录"),
    ("openai:text-embedding-3", "未知的向量模型配置"),
])
def test_bad_embedder_configuration(spec: str, message: str) -> None:
    with pytest.raises(AssistantError, match=message):
        make_embedder(spec)


def test_folder_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a model")
    with pytest.raises(AssistantError, match="无法加载本地向量模型"):
        LocalSentenceTransformer(tmp_path)
