package io.tickstream.schemas.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a checkpoint keeps of an {@link AvroRecordSerializer}: the record class and the Avro schema
 * the data was written with. On restore, a changed schema the current one can read (Avro's {@link
 * SchemaCompatibility}) migrates the state; an unreadable change fails the restore.
 */
public final class AvroRecordSerializerSnapshot<T extends SpecificRecord>
    implements TypeSerializerSnapshot<T> {
  private static final int VERSION = 1;

  private Class<T> type;
  private String schemaJson;

  /** For Flink, which instantiates snapshots reflectively before {@link #readSnapshot}. */
  public AvroRecordSerializerSnapshot() {}

  AvroRecordSerializerSnapshot(Class<T> type, String schemaJson) {
    this.type = type;
    this.schemaJson = schemaJson;
  }

  @Override
  public int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(type.getName());
    byte[] schema = schemaJson.getBytes(StandardCharsets.UTF_8);
    out.writeInt(schema.length);
    out.write(schema);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {
    String className = in.readUTF();
    byte[] schema = new byte[in.readInt()];
    in.readFully(schema);
    try {
      type = (Class<T>) Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new IOException("record class " + className + " of a restored state is missing", e);
    }
    schemaJson = new String(schema, StandardCharsets.UTF_8);
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return new AvroRecordSerializer<>(type, schemaJson);
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSnapshot) {
    if (!(oldSnapshot instanceof AvroRecordSerializerSnapshot<T> old)
        || !old.type.getName().equals(type.getName())) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    Schema current = new Schema.Parser().parse(schemaJson);
    Schema previous = new Schema.Parser().parse(old.schemaJson);
    if (current.equals(previous)) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    boolean readable =
        SchemaCompatibility.checkReaderWriterCompatibility(current, previous).getType()
            == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    return readable
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.incompatible();
  }
}
