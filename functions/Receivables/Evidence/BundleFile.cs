using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Evidence;

public sealed record BundleFile(string Path, string Role, string Sha256, long Size);
