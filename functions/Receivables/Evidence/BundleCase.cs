using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Evidence;

public sealed record BundleCase(string CaseId, long HeadSequence, string? HeadSha256, bool VerifiedAtExport, IReadOnlyList<string> ProblemsAtExport, IReadOnlyList<BundleFile> Files);
