// multipart/form-data file parts and uploaded file names.
#include "imports/multipart.hpp"
#include "imports/stored_file.hpp"

#include <gtest/gtest.h>

namespace coach::imports {
namespace {

TEST(ImportsMultipart, Boundary) {
    EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=XyZ"), "XyZ");
    EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""), "a b");
    EXPECT_EQ(multipart_boundary("multipart/form-data"), std::nullopt);
    EXPECT_EQ(multipart_boundary("text/csv; boundary=x"), std::nullopt);
}

TEST(ImportsMultipart, FindsTheFilePart) {
    std::string body =
        "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nMETRICS\r\n"
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--b--\r\n";
    std::string error;
    auto part = find_multipart_file(body, "b", "file", error);
    ASSERT_TRUE(part) << error;
    EXPECT_EQ(part->content, "a,b\r\n1,2");
    EXPECT_EQ(part->filename, "m.csv");
    EXPECT_EQ(part->content_type, "text/csv");
    EXPECT_FALSE(find_multipart_file(body, "b", "other", error));
    EXPECT_EQ(error, "the multipart body has no part named \"other\"");
    EXPECT_FALSE(find_multipart_file("no parts", "b", "file", error));
    EXPECT_EQ(error, "the multipart body has no part");
    EXPECT_FALSE(
        find_multipart_file("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx", "b",
                            "file", error));  // never closed
}

TEST(ImportsMultipart, FileNamesAreSanitized) {
    EXPECT_EQ(sanitize_file_name("C:\\Users\\me\\march.csv", "upload.csv"), "march.csv");
    EXPECT_EQ(sanitize_file_name("../../etc/passwd", "upload.csv"), "passwd");
    EXPECT_EQ(sanitize_file_name("..", "upload.csv"), "upload.csv");
    EXPECT_EQ(sanitize_file_name(" .hidden\t.csv ", "upload.csv"), "hidden.csv");
    EXPECT_EQ(sanitize_file_name("bad\xFF.csv", "upload.csv"), "upload.csv");
    std::string long_name(300, 'a');
    EXPECT_EQ(sanitize_file_name(long_name, "x").size(), 200u);
    long_name.resize(199);
    long_name.append("\xC3\xA9");  // a 2-byte character across the 200-byte limit
    EXPECT_EQ(sanitize_file_name(long_name, "x").size(), 199u);
}

}  // namespace
}  // namespace coach::imports
