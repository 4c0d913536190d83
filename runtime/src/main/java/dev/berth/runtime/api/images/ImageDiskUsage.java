package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiVersion;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.manage.ImageUsage;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.LayerRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The images part of {@code GET /system/df}: each image with the bytes it shares with others and its users. */
public final class ImageDiskUsage {
    private final ImageServices images;
    private final ImageUsage usage;
    private final ImageViews views;

    public ImageDiskUsage(ImageServices images, ImageUsage usage) {
        this.images = images;
        this.usage = usage;
        this.views = new ImageViews(images.configs(), images.layers());
    }

    /** Bytes of all unpacked layers: shared layers count once, which is the point of sharing them. */
    public long layersSize() {
        return images.layers().diskUsage();
    }

    /** Image summaries with SharedSize (bytes in layers other images use too) and Containers filled in. */
    public List<Object> images(ApiVersion version) {
        List<ImageRecord> all = images.store().list();
        Map<Digest, Integer> layerUsers = new HashMap<>();
        for (ImageRecord image : all) {
            image.layers().forEach(l -> layerUsers.merge(l.chainId(), 1, Integer::sum));
        }
        return all.stream().<Object>map(image -> {
            long shared = image.layers().stream().filter(l -> layerUsers.get(l.chainId()) > 1)
                    .mapToLong(LayerRef::unpackedSize).sum();
            ImageDtos.Summary s = views.summary(image, version);
            return new ImageDtos.Summary(s.id(), s.parentId(), s.repoTags(), s.repoDigests(), s.created(), s.size(),
                    shared,
                    s.virtualSize(), s.labels(), usage.usersOf(image.id()).size());
        }).toList();
    }
}
