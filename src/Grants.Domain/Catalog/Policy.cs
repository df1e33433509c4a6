namespace Grants.Domain.Catalog;

/// <summary>A policy document (政策文件) with its validity window and its measures. <see cref="InForceSourceText"/> quotes
/// the sentence that sets the window; <see cref="SourceFile"/> is the text's path under seeds/.</summary>
public sealed record Policy(
    PolicyId Id,
    string DocumentNumber,
    string TitleZh,
    string TitleEn,
    JurisdictionCode Jurisdiction,
    DateOnly InForceFrom,
    DateOnly InForceTo,
    IReadOnlyList<Measure> Measures,
    string? InForceSourceText = null,
    string? SourceFile = null)
{
    public bool IsInForceOn(DateOnly date) => date >= InForceFrom && date <= InForceTo;

    public Measure? FindMeasure(string article) => Measures.FirstOrDefault(m => m.Article == article);
}

public sealed record Bureau(BureauCode Code, string NameZh, string ShortNameZh, string NameEn, JurisdictionCode Jurisdiction);

public sealed record Jurisdiction(JurisdictionCode Code, string NameZh, string NameEn, JurisdictionCode? Parent);
