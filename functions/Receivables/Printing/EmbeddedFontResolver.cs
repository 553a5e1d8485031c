using PdfSharp.Fonts;

namespace Receivables.Printing;

/// <summary>
/// Resolves every font a printed document asks for to DejaVu Sans (regular and bold), shipped inside this assembly
/// (<c>Printing/Fonts</c>, Bitstream Vera licence). No system font is looked up, so a PDF looks the same on a fresh
/// machine, in Azure and here, and Norwegian æ, ø and å always have glyphs.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once for the process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, false, isItalic);

    public byte[]? GetFont(string faceName)
    {
        var assembly = typeof(EmbeddedFontResolver).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Receivables.Printing.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName}.ttf is not embedded in {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
