namespace Receivables.Email;

/// <summary>A template a user uploaded to replace a shipped one: its text and the stored version it was read at.</summary>
public sealed record UploadedTemplate(string Text, string Version);
