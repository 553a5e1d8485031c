namespace Receivables.Storage;

/// <summary>
/// What an id may hold when it becomes a table key (PartitionKey/RowKey), part of a blob name or an evidence archive
/// folder: the one rule the ledger checks at import and the evidence archive checks before writing. Azure Table keys
/// forbid '/', '\', '#', '?' and control characters; blob names and archive folders also break on a trailing '.',
/// on "." and "..", and on unpaired surrogates; '|' separates parts of our own keys.
/// </summary>
public static class StorageIds
{
    /// <summary>The longest id any store accepts (an archive folder name; table keys may hold 1 KiB).</summary>
    public const int MaxLength = 200;

    /// <summary>The characters an id may not contain, as people read them in an error message.</summary>
    public const string ForbiddenText = "'/', '\\', '#', '?', '|' or control characters";

    /// <summary>Null when <paramref name="value"/> can name a key, blob and folder; else what is wrong with it.</summary>
    public static string? Problem(string? value, int maxLength = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "it is empty";
        }

        if (value.Length > Math.Min(maxLength, MaxLength))
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it has {value.Length:N0} characters, at most {Math.Min(maxLength, MaxLength)} are allowed");
        }

        if (value != value.Trim())
        {
            return "it starts or ends with a space";
        }

        if (value is "." or ".." || value.EndsWith('.'))
        {
            return "it ends with '.'";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c))
            {
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it contains {Describe(c)} at position {i + 1}");
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it contains a broken character (an unpaired UTF-16 surrogate) at position {i + 1}");
            }
        }

        return null;
    }

    /// <summary>A character as a person can read it in a report: 'x', or U+000D for what does not print.</summary>
    public static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"U+{(int)c:X4}") : $"'{c}'";
}
