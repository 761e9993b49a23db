using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Dispatch.Storage;

/// <summary>An order's one photo as the blob "{orderId}" in the photos container, with its content type. Writing
/// the same bytes again leaves the same blob; deleting a missing one is done.</summary>
public sealed class PhotoStore(StorageAccount account)
{
    private readonly Lock _gate = new();
    private readonly BlobContainerClient _container = (account ?? throw new ArgumentNullException(nameof(account)))
        .Blobs.GetBlobContainerClient(account.PhotoContainerName);

    private Task? _created;

    public async Task PutAsync(string orderId, byte[] bytes, string contentType, CancellationToken ct)
    {
        var blob = await BlobAsync(orderId, ct).ConfigureAwait(false);
        await blob.UploadAsync(
            BinaryData.FromBytes(bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            ct).ConfigureAwait(false);
    }

    /// <summary>The photo's bytes and content type, or null when the order has none.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> GetAsync(string orderId, CancellationToken ct)
    {
        var blob = await BlobAsync(orderId, ct).ConfigureAwait(false);
        try
        {
            var content = (await blob.DownloadContentAsync(ct).ConfigureAwait(false)).Value;
            return (content.Content.ToArray(), content.Details.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string orderId, CancellationToken ct) =>
        (await (await BlobAsync(orderId, ct).ConfigureAwait(false)).ExistsAsync(ct).ConfigureAwait(false)).Value;

    public async Task DeleteAsync(string orderId, CancellationToken ct) =>
        await (await BlobAsync(orderId, ct).ConfigureAwait(false))
            .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct).ConfigureAwait(false);

    private async Task<BlobClient> BlobAsync(string orderId, CancellationToken ct)
    {
        var name = Keys.Id(orderId, nameof(orderId));
        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = _container.CreateIfNotExistsAsync(cancellationToken: ct);
            }

            created = _created;
        }

        await created.ConfigureAwait(false);
        return _container.GetBlobClient(name);
    }
}
