using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Evidence;

public sealed record ExportResult(int Cases, int Items, IReadOnlyList<ChainReport> Reports);
