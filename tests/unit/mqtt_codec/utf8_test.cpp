#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

TEST(MqttUtf8, AcceptsWellFormedText) {
    EXPECT_TRUE(isValidUtf8String(""));
    EXPECT_TRUE(isValidUtf8String("sensors/1"));
    EXPECT_TRUE(isValidUtf8String("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));  // é € 😀
    EXPECT_TRUE(isValidUtf8String("\xed\x9f\xbf"));                          // U+D7FF
    EXPECT_TRUE(isValidUtf8String("\xee\x80\x80"));                          // U+E000
    EXPECT_TRUE(isValidUtf8String("\xf4\x8f\xbf\xbf"));                      // U+10FFFF
    EXPECT_TRUE(isValidUtf8String("\x01\x1f\x7f\xc2\x80\xc2\x9f"));          // controls are allowed
    EXPECT_TRUE(isValidUtf8String("\xef\xbf\xbf"));                          // non-character U+FFFF
}

TEST(MqttUtf8, RefusesWhatTheSpecForbids) {
    EXPECT_FALSE(isValidUtf8String(std::string_view("a\0b", 3)));  // U+0000
    EXPECT_FALSE(isValidUtf8String("\xed\xa0\x80"));               // U+D800
    EXPECT_FALSE(isValidUtf8String("\xed\xbf\xbf"));               // U+DFFF
    EXPECT_FALSE(isValidUtf8String("\xc0\x80"));                   // overlong U+0000
    EXPECT_FALSE(isValidUtf8String("\xc1\xbf"));                   // overlong 2-byte
    EXPECT_FALSE(isValidUtf8String("\xe0\x9f\xbf"));               // overlong 3-byte
    EXPECT_FALSE(isValidUtf8String("\xf0\x8f\xbf\xbf"));           // overlong 4-byte
    EXPECT_FALSE(isValidUtf8String("\xf4\x90\x80\x80"));           // above U+10FFFF
    EXPECT_FALSE(isValidUtf8String("\xf5\x80\x80\x80"));           // lead byte F5
    EXPECT_FALSE(isValidUtf8String("\x80"));                       // lone continuation
    EXPECT_FALSE(isValidUtf8String("\xe2\x82"));                   // cut short at the end
    EXPECT_FALSE(isValidUtf8String("\xe2\x82x"));                  // cut short in the middle
    EXPECT_FALSE(isValidUtf8String("\xff"));
}

TEST(MqttUtf8, LongerThanAStringFieldIsNotAString) {
    EXPECT_TRUE(isValidUtf8String(std::string(65'535, 'a')));
    EXPECT_FALSE(isValidUtf8String(std::string(65'536, 'a')));
}

}  // namespace
}  // namespace sbx::mqtt::test
