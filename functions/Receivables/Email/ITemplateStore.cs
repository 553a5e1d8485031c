namespace Receivables.Email;

/// <summary>
/// Templates uploaded to replace the shipped defaults, by file name (<c>{template}.{language}.liquid</c>). The adapter
/// is <see cref="Storage.BlobTemplateStore"/> (the <c>templates</c> container).
/// </summary>
public interface ITemplateStore
{
    /// <summary>The stored version of the uploaded template, or null when none is uploaded under that name.</summary>
    Task<string?> VersionOfAsync(string name, CancellationToken cancellationToken);

    /// <summary>The uploaded template, or null when none is uploaded under that name.</summary>
    Task<UploadedTemplate?> ReadAsync(string name, CancellationToken cancellationToken);
}
