package io.tickstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of a generated Avro class: a length-prefixed Avro binary body. It writes with
 * the class's current schema and reads with the schema it was created for (the class's, or an older
 * one restored from a checkpoint), resolved to the current schema: so state written before a
 * compatible schema change (a field added with a default) still restores. Not thread-safe, like
 * every Flink serializer: {@link #duplicate()} gives each thread its own.
 */
public final class AvroRecordSerializer<T extends SpecificRecord> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final String writerSchemaJson;

  private transient SpecificData model;
  private transient Schema schema;
  private transient SpecificDatumWriter<T> writer;
  private transient SpecificDatumReader<T> reader;
  private transient ByteArrayOutputStream buffer;
  private transient BinaryEncoder encoder;
  private transient BinaryDecoder decoder;

  /** A serializer reading and writing the current schema of {@code type}. */
  public AvroRecordSerializer(Class<T> type) {
    this(type, null);
  }

  /**
   * A serializer writing the current schema of {@code type} and reading data written with {@code
   * writerSchemaJson} ({@code null}: the current schema).
   */
  AvroRecordSerializer(Class<T> type, String writerSchemaJson) {
    this.type = Objects.requireNonNull(type, "type");
    this.writerSchemaJson = writerSchemaJson;
  }

  private void init() {
    if (model == null) {
      model = SpecificData.getForClass(type);
      schema = model.getSchema(type);
      Schema writerSchema =
          writerSchemaJson == null ? schema : new Schema.Parser().parse(writerSchemaJson);
      writer = new SpecificDatumWriter<>(schema, model);
      reader = new SpecificDatumReader<>(writerSchema, schema, model);
      buffer = new ByteArrayOutputStream(256);
    }
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new AvroRecordSerializer<>(type, writerSchemaJson);
  }

  @Override
  public T createInstance() {
    init();
    @SuppressWarnings("unchecked")
    T instance = (T) SpecificData.newInstance(type, schema);
    return instance;
  }

  @Override
  public T copy(T from) {
    if (from == null) {
      return null;
    }
    init();
    return model.deepCopy(schema, from);
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    init();
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    writer.write(record, encoder);
    encoder.flush();
    target.writeInt(buffer.size());
    buffer.writeTo(new DataOutputViewStream(target));
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    init();
    byte[] body = new byte[source.readInt()];
    source.readFully(body);
    decoder = DecoderFactory.get().binaryDecoder(body, decoder);
    return reader.read(null, decoder);
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new AvroRecordSerializerSnapshot<>(type, SpecificData.get().getSchema(type).toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroRecordSerializer<?> other
        && type.equals(other.type)
        && Objects.equals(writerSchemaJson, other.writerSchemaJson);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  /** Adapts a {@link DataOutputView} to the {@link java.io.OutputStream} Avro's buffer wants. */
  private static final class DataOutputViewStream extends java.io.OutputStream {
    private final DataOutputView target;

    DataOutputViewStream(DataOutputView target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
    }
  }
}
