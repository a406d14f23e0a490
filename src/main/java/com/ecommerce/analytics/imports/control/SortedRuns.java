package com.ecommerce.analytics.imports.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.ToIntFunction;

/**
 * An external merge sort (Knuth, The Art of Computer Programming, vol. 3, 5.4.1): records are sorted in memory a
 * chunk at a time, each chunk is written to a file of its own, and the files are read back merged, so that any
 * number of records needs the memory of one chunk. The files are deleted when it is closed.
 */
final class SortedRuns<T> implements AutoCloseable {

    interface Codec<T> {
        void write(DataOutputStream out, T value) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private final Path directory;
    private final String name;
    private final Comparator<T> order;
    private final Codec<T> codec;
    private final ToIntFunction<T> weight;
    private final int chunkWeight;
    private final List<T> chunk = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private int weightInChunk;
    private long count;

    /** Records sorted in chunks of about chunkWeight (each record weighs what weight says), in files in the directory. */
    SortedRuns(Path directory, String name, Comparator<T> order, Codec<T> codec, ToIntFunction<T> weight, int chunkWeight) {
        this.directory = directory;
        this.name = name;
        this.order = order;
        this.codec = codec;
        this.weight = weight;
        this.chunkWeight = chunkWeight;
    }

    void add(T record) {
        chunk.add(record);
        count++;
        weightInChunk += weight.applyAsInt(record);
        if (weightInChunk >= chunkWeight) {
            spill();
        }
    }

    long count() {
        return count;
    }

    /** Every record added, in order. */
    Iterator<T> sorted() {
        spill();
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> order.compare(a.record, b.record));
        for (Path file : files) {
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                open.add(in);
                Head head = new Head(in);
                if (head.advance()) {
                    heads.add(head);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public T next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                T record = head.record;
                if (head.advance()) {
                    heads.add(head);
                }
                return record;
            }
        };
    }

    @Override
    public void close() {
        for (AutoCloseable stream : open) {
            try {
                stream.close();
            } catch (Exception e) {
                // deleted next
            }
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the server's temporary directory is cleared on restart
            }
        }
    }

    private void spill() {
        if (chunk.isEmpty()) {
            return;
        }
        chunk.sort(order);
        Path file = directory.resolve(name + "-" + files.size());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (T record : chunk) {
                codec.write(out, record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(file);
        chunk.clear();
        weightInChunk = 0;
    }

    /** The next record of one file. */
    private final class Head {
        private final DataInputStream in;
        private T record;

        Head(DataInputStream in) {
            this.in = in;
        }

        boolean advance() {
            try {
                record = codec.read(in);
                return true;
            } catch (EOFException end) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
